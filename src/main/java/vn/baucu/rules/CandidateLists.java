package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Seats per unit and how many candidates a list must (or may) hold.
 *
 * <ul>
 *   <li>At most 3 seats per NA unit, 5 per HĐND unit (Luật 85/2015/QH13, Điều 10 khoản 4).</li>
 *   <li>NA list: at least seats + 2 (Điều 57 khoản 6). HĐND list: more than the seats; at least +2 for
 *       3 seats, +3 for 4 or more (Điều 58 khoản 3).</li>
 *   <li>Village head: at least 1, no maximum (Nghị định 59/2023/NĐ-CP, Điều 6 khoản 2); 1 to 2 under
 *       NQLT 09/2008 Điều 6.</li>
 *   <li>Party cell: a surplus of at most 30% (Quyết định 190-QĐ/TW, Điều 14); rounding down is a
 *       documented default (law.md §4 case 30, UNCONFIRMED); a list without surplus is allowed and uses
 *       agree / disagree ballots.</li>
 * </ul>
 */
public final class CandidateLists {

    private CandidateLists() {
    }

    /** The most seats one unit may have; {@link Integer#MAX_VALUE} where the law sets no cap. */
    public static int maxSeatsPerUnit(RuleSet.Kind kind) {
        return switch (kind) {
            case NATIONAL_ASSEMBLY -> 3;
            case PEOPLES_COUNCIL -> 5;
            case VILLAGE_HEAD -> 1;
            case PARTY_CELL -> Integer.MAX_VALUE;
        };
    }

    public static int minimumCandidates(RuleSet ruleSet, int seats) {
        return switch (ruleSet.kind()) {
            case NATIONAL_ASSEMBLY -> seats + 2;
            case PEOPLES_COUNCIL -> seats >= 4 ? seats + 3 : seats == 3 ? seats + 2 : seats + 1;
            case VILLAGE_HEAD -> 1;
            case PARTY_CELL -> seats;
        };
    }

    public static int maximumCandidates(RuleSet ruleSet, int seats) {
        return switch (ruleSet) {
            case VILLAGE_HEAD_2008 -> 2;
            case PARTY_CELL_2024 -> seats * 13 / 10;
            default -> Integer.MAX_VALUE;
        };
    }

    /** Every problem with a unit of {@code seats} seats and a list of {@code candidates} names. */
    public static List<Finding> check(RuleSet ruleSet, int seats, int candidates) {
        List<Finding> out = new ArrayList<>();
        int cap = maxSeatsPerUnit(ruleSet.kind());
        if (seats > cap) {
            out.add(Finding.error("L-101", "seats", "list.seats-above-cap", seats, cap, ruleSet.kind().name()));
        }
        int min = minimumCandidates(ruleSet, seats);
        if (candidates < min) {
            out.add(Finding.error("L-102", "candidates", "list.too-few", candidates, min, seats));
        }
        int max = maximumCandidates(ruleSet, seats);
        if (candidates > max) {
            out.add(Finding.error("L-103", "candidates", "list.too-many", candidates, max, seats));
        }
        return out;
    }

    /** A name nominated from the floor of a Party congress joins the list with more than 30% of those present. */
    public static boolean floorNominationAccepted(long present, long approvals) {
        return approvals * 10 > present * 3;
    }
}
