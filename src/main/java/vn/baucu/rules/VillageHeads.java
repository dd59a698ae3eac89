package vn.baucu.rules;

import java.time.LocalDate;

/**
 * What happens to a village head around the election: recognition, removal, interim heads.
 *
 * <ul>
 *   <li>An elected head takes office only from the commune's recognition decision (Nghị định
 *       59/2023/NĐ-CP, Điều 8; Luật 10/2022/QH15, Điều 21 khoản 2).</li>
 *   <li>Removal (cho thôi làm) may be petitioned by at least 50% of the households and passes with more
 *       than 50% of all households; a new election must be decided within 60 days of the recognised
 *       removal (Nghị định 59/2023/NĐ-CP, Điều 9; Luật 10/2022/QH15, Điều 21 khoản 1).</li>
 * </ul>
 */
public final class VillageHeads {

    public enum Status { NOT_ELECTED, ELECTED_PENDING_RECOGNITION, IN_OFFICE }

    private VillageHeads() {
    }

    public static Status status(boolean elected, LocalDate recognitionDecided, LocalDate asOf) {
        if (!elected) {
            return Status.NOT_ELECTED;
        }
        return recognitionDecided != null && !recognitionDecided.isAfter(asOf) ? Status.IN_OFFICE
                : Status.ELECTED_PENDING_RECOGNITION;
    }

    public static boolean removalPetitionSuffices(long households, long petitioners) {
        return petitioners * 2 >= households;
    }

    public static boolean removalPasses(long households, long approvals) {
        return approvals * 2 > households;
    }

    public static LocalDate newElectionDecisionDeadline(LocalDate removalRecognised) {
        return removalRecognised.plusDays(60);
    }

    /**
     * The latest day an interim head (trưởng thôn lâm thời) appointed on {@code appointedOn} may serve, or null where
     * the rules set no limit: 6 months under TT 04/2012/TT-BNV as amended by TT 09/2017 and TT 14/2018 (the 2008 rules);
     * none under NĐ 59/2023/NĐ-CP, Điều 9 khoản 3 (law.md §6 point 5: open, so {@code monthsWhereUnset} lets a province
     * set one as a documented, configurable default; null keeps it unlimited).
     */
    public static LocalDate interimLatest(RuleSet ruleSet, LocalDate appointedOn, Integer monthsWhereUnset) {
        if (ruleSet == RuleSet.VILLAGE_HEAD_2008) {
            return appointedOn.plusMonths(6);
        }
        return monthsWhereUnset == null ? null : appointedOn.plusMonths(monthsWhereUnset);
    }
}
