package vn.baucu.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Size of a polling area: 300 to 4,000 voters; fewer is allowed in mountains, islands and scattered
 * settlements; separate areas may be set up for armed-forces units, hospitals and care homes with at
 * least 50 voters, and detention or compulsory-education facilities.
 *
 * <p>Luật 85/2015/QH13, Điều 11.
 */
public final class PollingAreas {

    public static final int MIN_VOTERS = 300;
    public static final int MAX_VOTERS = 4_000;
    public static final int MIN_HOSPITAL_VOTERS = 50;

    /** Why an area may fall outside 300–4,000. */
    public enum Exception { REMOTE, ARMED_FORCES, HOSPITAL, DETENTION }

    private PollingAreas() {
    }

    public static List<Finding> check(int voters, Exception exception) {
        List<Finding> out = new ArrayList<>();
        if (voters > MAX_VOTERS) {
            out.add(Finding.error("A-101", "voters", "polling-area.too-many", voters, MAX_VOTERS));
        } else if (voters < MIN_VOTERS) {
            if (exception == null) {
                out.add(Finding.error("A-102", "voters", "polling-area.too-few", voters, MIN_VOTERS));
            } else if (exception == Exception.HOSPITAL && voters < MIN_HOSPITAL_VOTERS) {
                out.add(Finding.error("A-103", "voters", "polling-area.hospital-too-few", voters, MIN_HOSPITAL_VOTERS));
            }
        }
        return out;
    }
}
