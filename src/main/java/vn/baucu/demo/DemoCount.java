package vn.baucu.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The figures of the demo's 1,452 village meetings of 5/6/2022, generated so that they add up to what Quảng Ninh
 * published: 340,134 of the 346,663 household representatives voted (98.12%); 1,449 heads were elected and 3 villages
 * elected no one; the winners' shares of all the village's households (the 2008 rules' denominator, NQLT 09/2008, Điều
 * 8) fall 1,061 at 90% or more, 316 from 70% to under 90% and 72 under 70%. Village-level figures are the demo's own.
 * Deterministic for a seed; pure (no Spring, no database), so a unit test checks every aggregate.
 *
 * <p>Every meeting is also a clean paper minutes: more than half of the households attend (the quorum) and at least
 * one does not (a full house is a plausibility warning), all ballots issued come back, at most 2 are invalid (below the
 * 3% warning), and no two candidates tie.
 */
final class DemoCount {

    static final int PARTICIPANTS = 340_134;
    static final int NONE_ELECTED = 3;
    static final int UNDER_70 = 72;
    static final int FROM_70_TO_90 = 316;

    /** Where a meeting's winner falls; NONE: nobody had more than half of the households. */
    enum Band { FROM_90, FROM_70, UNDER_70, NONE }

    /** One meeting: households on the list, those voting, invalid ballots, the votes of the first and second name. */
    record Meeting(int households, int participants, int invalid, int first, int second, Band band) {
        int valid() {
            return participants - invalid;
        }
    }

    private DemoCount() {
    }

    /**
     * The meetings of villages with {@code households[i]} households and {@code names[i]} candidates (1 or 2; the
     * first name is the winner where there is one). Needs at least 20 households a village and 1,452 villages' worth
     * of households above the published turnout.
     */
    static List<Meeting> meetings(int[] households, int[] names, SplittableRandom random) {
        int n = households.length;
        long all = 0;
        for (int h : households) {
            all += h;
        }
        Band[] bands = bands(n, random);
        // absences: at least one a meeting, at most a twelfth of its households, the rest where chance puts them
        int[] absent = new int[n];
        long toPlace = all - PARTICIPANTS - n;
        if (toPlace < 0) {
            throw new IllegalArgumentException("fewer households than the published turnout needs");
        }
        java.util.Arrays.fill(absent, 1);
        for (int guard = 0; toPlace > 0; guard++) {
            int i = random.nextInt(n);
            if (absent[i] < Math.max(1, households[i] / 12)) {
                absent[i]++;
                toPlace--;
            }
            if (guard > 100_000_000) {
                throw new IllegalStateException("absences do not fit");
            }
        }
        List<Meeting> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int h = households[i];
            int p = h - absent[i];
            int ninety = ceilDiv(9L * h, 10);                      // the fewest votes that make 90.00%
            int invalid = random.nextInt(3);
            if (bands[i] == Band.FROM_90) {
                invalid = Math.min(invalid, p - ninety);
            }
            int valid = p - invalid;
            int w = switch (bands[i]) {
                case FROM_90 -> between(random, ninety, valid);
                // below 89.995% and 69.995%, so that the printed two decimals never round up into the next band
                case FROM_70 -> between(random, ceilDiv(7L * h, 10), Math.min(valid, ceilDiv(17_999L * h, 20_000) - 1));
                case UNDER_70 -> between(random, h / 2 + 1, ceilDiv(13_999L * h, 20_000) - 1);
                case NONE -> between(random, h * 2 / 5, h / 2);
            };
            int second = 0;
            if (names[i] > 1) {
                int blank = random.nextInt(Math.min(3, valid - w) + 1);
                second = Math.min(valid - w - blank, w - 1);
            }
            out.add(new Meeting(h, p, invalid, w, second, bands[i]));
        }
        return out;
    }

    /** Which meetings fall in which band: the published counts, at places chance decides. */
    private static Band[] bands(int n, SplittableRandom random) {
        Band[] bands = new Band[n];
        java.util.Arrays.fill(bands, Band.FROM_90);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int k = 0;
        for (int c = 0; c < NONE_ELECTED; c++) {
            bands[order[k++]] = Band.NONE;
        }
        for (int c = 0; c < UNDER_70; c++) {
            bands[order[k++]] = Band.UNDER_70;
        }
        for (int c = 0; c < FROM_70_TO_90; c++) {
            bands[order[k++]] = Band.FROM_70;
        }
        return bands;
    }

    private static int between(SplittableRandom random, int lo, int hi) {
        if (hi < lo) {
            throw new IllegalStateException("no room between " + lo + " and " + hi);
        }
        return lo + random.nextInt(hi - lo + 1);
    }

    private static int ceilDiv(long a, long b) {
        return (int) ((a + b - 1) / b);
    }
}
