package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;
import vn.baucu.rules.Evaluation.Outcome;
import vn.baucu.rules.Percentages;

/**
 * Old village rules: the election meeting may proceed only if more than half of the village's voters
 * (or household representatives) attend; otherwise it cannot decide and the commune convenes it again.
 *
 * <p>NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8 khoản 1.
 */
final class MeetingQuorumOfMoreThanHalf implements ContestRule {

    static final String BASIS = "NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8 khoản 1";

    @Override
    public void apply(ContestState s) {
        long present = s.figures.participants();
        long all = s.figures.electorate();
        String percent = Percentages.format(present, all);
        if (present * 2 > all) {
            s.reason("QUORUM_OK", BASIS, present, all, percent);
        } else {
            s.reason("NO_QUORUM", BASIS, present, all, percent);
            s.stop(Outcome.NO_QUORUM, new FollowUp(FollowUpKind.REELECTION, null, Body.COMMUNE_PEOPLES_COMMITTEE));
        }
    }
}
