package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Voter conferences that give their trust to nominees (hội nghị cử tri).
 *
 * <ul>
 *   <li>Attendance, place of residence: fewer than 100 voters → at least 50% attend; 100 or more → at
 *       least 55 attend. Workplace: fewer than 100 → at least two thirds; 100 or more → at least 70
 *       (NQ 1186/2021/UBTVQH14, Điều 1 khoản 3 và Điều 2 khoản 3; assumed kept by NQ 101/2025 —
 *       law.md §2.6 marks it UNCONFIRMED, so this is the documented default).</li>
 *   <li>A nominee goes forward to the third consultation only with the trust of more than 50% of the
 *       voters present (UBTVQH guidance).</li>
 * </ul>
 */
public final class VoterConferences {

    public enum Place { RESIDENCE, WORKPLACE }

    private VoterConferences() {
    }

    public static List<Finding> checkAttendance(Place place, long voters, long present) {
        List<Finding> out = new ArrayList<>();
        if (present > voters) {
            out.add(Finding.error("V-201", "present", "conference.present-above-voters", present, voters));
            return out;
        }
        long needed = minimumPresent(place, voters);
        if (present < needed) {
            out.add(Finding.error("V-202", "present", "conference.too-few", present, needed, voters));
        }
        return out;
    }

    /** The least attendance that makes the conference valid. */
    public static long minimumPresent(Place place, long voters) {
        if (place == Place.RESIDENCE) {
            return voters < 100 ? (voters + 1) / 2 : 55;
        }
        return voters < 100 ? (voters * 2 + 2) / 3 : 70;
    }

    /** More than half of those present. */
    public static boolean trusted(long present, long trustVotes) {
        return trustVotes * 2 > present;
    }
}
