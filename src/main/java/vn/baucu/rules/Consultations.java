package vn.baucu.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How nominees reach an official list.
 *
 * <p>NA and HĐND (Luật 85/2015/QH13, Điều 38–40, 48–50, 43–45, 54; law.md §2.6): three consultation
 * conferences of the Fatherland Front. Round 1 settles the structure and number of nominees; round 2
 * draws up the preliminary list, which goes to the voter conferences; round 3 draws up the list of
 * those who qualify. A nominee whose trust at a voter conference is not above half of the voters
 * present is not put forward to round 3, except for special cases that must be reported (UBTVQH
 * guidance, 2021). Documented defaults: every voter conference recorded for a nominee must have
 * trusted them, a nominee without any recorded voter conference is not put forward either, and a
 * special case needs its reason written down.
 *
 * <p>Village head (Nghị định 59/2023/NĐ-CP, Điều 6 khoản 2; NQLT 09/2008, Điều 6): the Front working
 * committee meets on the candidates, agrees them with the cell committee (chi ủy) and sends its
 * minutes (Mẫu 05) to the commune at least 15 days before the election: at least 1 name (1 to 2 under
 * the 2008 rules). Nominations from the floor are taken at the election meeting itself (Nghị định
 * 59/2023, Điều 3 khoản 5 điểm b) — under the 2023 rules only, a documented default, since the 2008
 * rules capped the list at two.
 */
public final class Consultations {

    /** Days before the election by which the Front working committee's list must reach the commune. */
    public static final int FRONT_MEETING_DAYS_BEFORE = 15;

    private Consultations() {
    }

    /** A nominee put on a round's list: whether each of their voter conferences trusted them, and any special case. */
    public record Nominee(long id, String name, List<Boolean> conferencesTrusted, String specialCase) {
    }

    /**
     * Every problem with the list a consultation round produced. {@code previousRound} is the list of the
     * round before (null when that round was not recorded; empty for round 1, which produces no list).
     */
    public static List<Finding> checkRound(int round, Set<Long> previousRound, List<Nominee> list) {
        List<Finding> out = new ArrayList<>();
        if (round < 1 || round > 3) {
            out.add(Finding.error("K-132", "round", "consultation.round-invalid", round));
            return out;
        }
        if (round > 1 && previousRound == null) {
            out.add(Finding.error("K-111", "round", "consultation.previous-missing", round, round - 1));
            return out;
        }
        if (round == 1 && !list.isEmpty()) {
            out.add(Finding.error("K-112", "candidateIds", "consultation.round-one-no-list"));
        }
        for (Nominee n : list) {
            if (round == 3 && !previousRound.contains(n.id())) {
                out.add(Finding.error("K-113", "candidateIds", "consultation.not-in-preliminary", n.name()));
            }
            if (round == 3 && (n.specialCase() == null || n.specialCase().isBlank())) {
                if (n.conferencesTrusted().isEmpty()) {
                    out.add(Finding.error("K-114", "candidateIds", "consultation.no-voter-conference", n.name()));
                } else if (n.conferencesTrusted().contains(Boolean.FALSE)) {
                    out.add(Finding.error("K-115", "candidateIds", "consultation.not-trusted", n.name()));
                }
            }
        }
        return out;
    }

    /** Problems with a village's Front working committee meeting (Mẫu 05); a late meeting is a warning. */
    public static List<Finding> checkFrontMeeting(RuleSet ruleSet, LocalDate heldOn, LocalDate electionDay, int candidates,
                                                  boolean cellAgreed) {
        List<Finding> out = new ArrayList<>();
        if (ruleSet.kind() != RuleSet.Kind.VILLAGE_HEAD) {
            out.add(Finding.error("K-120", "contest", "front-meeting.not-village", ruleSet.name()));
            return out;
        }
        if (heldOn.isAfter(electionDay)) {
            out.add(Finding.error("K-121", "heldOn", "front-meeting.after-election", heldOn, electionDay));
        }
        int max = CandidateLists.maximumCandidates(ruleSet, 1);
        if (candidates < 1) {
            out.add(Finding.error("K-122", "candidateIds", "front-meeting.no-candidate"));
        } else if (candidates > max) {
            out.add(Finding.error("K-123", "candidateIds", "list.too-many", candidates, max, 1));
        }
        if (!cellAgreed) {
            out.add(Finding.warning("W-121", "cellAgreed", "front-meeting.cell-not-agreed"));
        }
        if (heldOn.isAfter(electionDay.minusDays(FRONT_MEETING_DAYS_BEFORE)) && !heldOn.isAfter(electionDay)) {
            out.add(Finding.warning("W-120", "heldOn", "front-meeting.late", heldOn, electionDay.minusDays(FRONT_MEETING_DAYS_BEFORE)));
        }
        return out;
    }

    /** Whether a nomination from the floor of the election meeting is possible under these rules, on that day. */
    public static boolean floorNominationAllowed(RuleSet ruleSet, LocalDate on, LocalDate electionDay) {
        return ruleSet == RuleSet.VILLAGE_HEAD_2023 && on.equals(electionDay);
    }
}
