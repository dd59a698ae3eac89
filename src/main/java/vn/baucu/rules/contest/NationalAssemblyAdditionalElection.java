package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Round;

/**
 * NA: fewer deputies elected than seats → an additional election, decided by HĐBCQG on the provincial
 * election committee's proposal, at most 7 days after the first election (15 before 2025), with only
 * the non-elected candidates. No second additional election.
 *
 * <p>Luật 85/2015/QH13, Điều 79 khoản 1 và 3.
 */
final class NationalAssemblyAdditionalElection implements ContestRule {

    @Override
    public void apply(ContestState s) {
        int shortfall = s.figures.seats() - s.elected.size();
        if (shortfall <= 0) {
            return;
        }
        String basis = s.figures.ruleSet().law85() + ", Điều 79 khoản 1 và 3";
        if (s.figures.round() == Round.ADDITIONAL) {
            s.reason("NO_FURTHER_ADDITIONAL_ELECTION", basis, shortfall);
            return;
        }
        int days = FollowUps.days(s.figures.ruleSet());
        s.reason("ADDITIONAL_ELECTION_NA", basis, shortfall, days);
        s.followUp = new FollowUp(FollowUpKind.ADDITIONAL_ELECTION, FollowUps.latest(s, days),
                Body.NATIONAL_ELECTION_COUNCIL);
    }
}
