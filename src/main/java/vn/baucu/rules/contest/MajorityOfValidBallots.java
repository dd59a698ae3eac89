package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Bar;
import vn.baucu.rules.Evaluation.Base;
import vn.baucu.rules.Evaluation.Share;

/**
 * NA / HĐND deputies: elected only with more than half of the valid ballots of the electoral unit.
 *
 * <p>Luật 85/2015/QH13, Điều 78 khoản 2; percentages of valid ballots: TT 01/2021/TT-BNV, Điều 11 khoản 6.
 */
final class MajorityOfValidBallots implements ContestRule {

    @Override
    public void apply(ContestState s) {
        long valid = s.figures.validBallots() == null ? 0 : s.figures.validBallots();
        s.base = new Share(Base.VALID_BALLOTS, valid);
        s.bar = Bar.halfOf(valid);
        s.turnoutDenominator = s.figures.electorate();
        s.reason("BAR_VALID_BALLOTS", s.figures.ruleSet().law85() + ", Điều 78 khoản 2", valid,
                s.bar.mustExceed(), valid / 2 + 1);
    }
}
