package vn.baucu.rules;

/**
 * Whether a follow-up election the result calls for may be left unheld by the body that decides it.
 *
 * <p>Only a National Assembly unit's additional election: when fewer deputies are elected than the unit's seats, the
 * board records it and the National Election Council "xem xét, quyết định việc bầu cử thêm" (Luật 85/2015/QH13,
 * Điều 79 khoản 1, the same before and after the 2025 amendment), so it may decide not to hold one and the seat stays
 * vacant (2016: four provinces each one deputy short, 496 of 500 elected). Every other follow-up must be held: an
 * HĐND unit below two thirds of its seats (Điều 79 khoản 2: the committee "quyết định ngày bầu cử thêm"), a
 * re-election where turnout was not above half (Điều 80), a village where nobody was elected (NĐ 59/2023/NĐ-CP,
 * Điều 8; NQLT 09/2008).
 */
public final class FollowUpDecisions {

    private FollowUpDecisions() {
    }

    /** Whether this follow-up may be decided against, with the decision on record. */
    public static boolean mayBeLeftUnheld(RuleSet rs, Evaluation.FollowUpKind kind) {
        return rs.kind() == RuleSet.Kind.NATIONAL_ASSEMBLY && kind == Evaluation.FollowUpKind.ADDITIONAL_ELECTION;
    }

    /** The article the decision rests on, in the wording of the rule set's law. */
    public static String legalBasis(RuleSet rs) {
        return rs.law85() + ", Điều 79 khoản 1";
    }
}
