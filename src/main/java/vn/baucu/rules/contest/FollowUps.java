package vn.baucu.rules.contest;

import java.time.LocalDate;

import vn.baucu.rules.RuleSet;

/** Shared arithmetic of follow-up deadlines. */
final class FollowUps {

    private FollowUps() {
    }

    /**
     * Days after the first election by which an additional election or re-election must be held:
     * 7 under Law 85 as amended in 2025, 15 before (Điều 79 khoản 3, Điều 80 khoản 3).
     */
    static int days(RuleSet rs) {
        return rs.amended2025() ? 7 : 15;
    }

    static LocalDate latest(ContestState s, int days) {
        return s.figures.electionDay() == null ? null : s.figures.electionDay().plusDays(days);
    }
}
