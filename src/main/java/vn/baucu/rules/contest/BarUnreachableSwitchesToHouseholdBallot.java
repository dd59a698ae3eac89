package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.Percentages;
import vn.baucu.rules.VotingMethod;

/**
 * New village rules: there is no quorum as such, but when the households present are not more than
 * half of all households, no candidate can reach the bar at the meeting; the matter then goes to a
 * paper opinion ballot delivered to every household, organised by the election team.
 *
 * <p>Luật 10/2022/QH15, Điều 17 khoản 2 và Điều 19 khoản 1 điểm b; Nghị định 59/2023/NĐ-CP, Điều 4 khoản 1 điểm b.
 */
final class BarUnreachableSwitchesToHouseholdBallot implements ContestRule {

    static final String BASIS = "Luật 10/2022/QH15, Điều 19 khoản 1 điểm b; Nghị định 59/2023/NĐ-CP, Điều 4 khoản 1";

    @Override
    public void apply(ContestState s) {
        if (s.figures.votingMethod() == VotingMethod.HOUSEHOLD_BALLOT) {
            s.reason("HOUSEHOLD_BALLOT_COUNTED", "Nghị định 59/2023/NĐ-CP, Điều 4 khoản 6", s.figures.participants(),
                    s.figures.electorate());
            return;
        }
        long present = s.figures.participants();
        long all = s.figures.electorate();
        if (present * 2 > all) {
            s.reason("BAR_REACHABLE", BASIS, present, all, Percentages.format(present, all));
        } else {
            s.reason("BAR_UNREACHABLE", BASIS, present, all, Percentages.format(present, all));
            s.stop(Outcome.HOUSEHOLD_BALLOT_REQUIRED,
                    new FollowUp(FollowUpKind.HOUSEHOLD_BALLOT, null, Body.ELECTION_TEAM));
        }
    }
}
