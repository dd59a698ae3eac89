package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Bar;
import vn.baucu.rules.Evaluation.Base;
import vn.baucu.rules.Evaluation.Share;

/**
 * Party cell: elected only with more than half of the full members (or delegates) convened, less
 * those the rules exclude — members transferred temporarily, exempted members who stay away,
 * suspended or detained members, members absent for the whole congress with an accepted reason.
 * Not the members present, not the valid ballots.
 *
 * <p>Quyết định 190-QĐ/TW (2024), Điều 30 (formerly QĐ 244-QĐ/TW, Điều 32 khoản 2 và 3).
 */
final class MajorityOfAdjustedRoll implements ContestRule {

    @Override
    public void apply(ContestState s) {
        long roll = s.figures.electorate() - s.figures.electorateExcluded();
        s.base = new Share(Base.ADJUSTED_ROLL, roll);
        s.bar = Bar.halfOf(roll);
        s.turnoutDenominator = roll;
        s.reason("BAR_ADJUSTED_ROLL", "Quyết định 190-QĐ/TW, Điều 30", s.figures.electorate(),
                s.figures.electorateExcluded(), roll, s.bar.mustExceed(), roll / 2 + 1);
    }
}
