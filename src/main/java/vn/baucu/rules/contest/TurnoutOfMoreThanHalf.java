package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.Round;
import vn.baucu.rules.RuleSet;

/**
 * NA / HĐND: a result counts only if more than half of the voters on the unit's list voted; otherwise a
 * re-election with the same list, at most 7 days later (15 before the 2025 amendment), decided by
 * HĐBCQG for the NA and by the election committee (with HĐBCQG's agreement) for HĐND. A re-election's
 * result stands even if turnout is again not above half: there is no third round.
 *
 * <p>Luật 85/2015/QH13, Điều 78 khoản 1; Điều 80 khoản 1, 2, 4. Default (documented): an additional
 * election with low turnout is held again like a first round (Điều 80 khoản 1 speaks of any election).
 */
final class TurnoutOfMoreThanHalf implements ContestRule {

    @Override
    public void apply(ContestState s) {
        long voted = s.figures.participants();
        long listed = s.figures.electorate();
        String percent = Percentages.format(voted, listed);
        RuleSet rs = s.figures.ruleSet();
        if (voted * 2 > listed) {
            s.reason("TURNOUT_OK", rs.law85() + ", Điều 78 khoản 1", voted, listed, percent);
            return;
        }
        if (s.figures.round() == Round.REELECTION) {
            s.reason("REELECTION_RESULT_STANDS", rs.law85() + ", Điều 80 khoản 4", voted, listed, percent);
            return;
        }
        s.reason("TURNOUT_TOO_LOW", rs.law85() + ", Điều 78 khoản 1; Điều 80", voted, listed, percent);
        s.stop(Outcome.TURNOUT_TOO_LOW, new FollowUp(FollowUpKind.REELECTION, FollowUps.latest(s, FollowUps.days(rs)),
                rs.kind() == RuleSet.Kind.NATIONAL_ASSEMBLY ? Body.NATIONAL_ELECTION_COUNCIL : Body.ELECTION_COMMITTEE));
    }
}
