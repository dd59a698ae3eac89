package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Body;
import vn.baucu.rules.Evaluation.FollowUp;
import vn.baucu.rules.Evaluation.FollowUpKind;

/**
 * Party cell: seats not filled in a round → the congress votes again; after several rounds it decides
 * whether to go on and whether to add names.
 *
 * <p>QĐ 244-QĐ/TW, Điều 20 khoản 2, kept by Quyết định 190-QĐ/TW (2024).
 */
final class PartyCellNextRound implements ContestRule {

    @Override
    public void apply(ContestState s) {
        int shortfall = s.figures.seats() - s.elected.size();
        if (shortfall > 0) {
            s.reason("NEXT_ROUND", "QĐ 244-QĐ/TW, Điều 20 khoản 2; Quyết định 190-QĐ/TW", shortfall);
            s.followUp = new FollowUp(FollowUpKind.NEXT_ROUND, null, Body.CONGRESS);
        }
    }
}
