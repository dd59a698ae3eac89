package vn.baucu.rules.contest;

import vn.baucu.rules.Evaluation.Bar;
import vn.baucu.rules.Evaluation.Base;
import vn.baucu.rules.Evaluation.Share;

/**
 * Village heads: elected only with more than half of ALL the village's households (2023 rules) or of
 * all its voters / household representatives (2008 rules) — never of those present, never of the
 * valid ballots. Exactly half loses.
 *
 * <p>Luật 10/2022/QH15, Điều 21 khoản 1 (denominator: Điều 20 khoản 2 điểm b); NQLT 09/2008/NQLT-CP-UBTWMTTQVN, Điều 8.
 */
final class MajorityOfAllHouseholds implements ContestRule {

    private final Base base;
    private final String legalBasis;

    MajorityOfAllHouseholds(Base base, String legalBasis) {
        this.base = base;
        this.legalBasis = legalBasis;
    }

    @Override
    public void apply(ContestState s) {
        long all = s.figures.electorate();
        s.base = new Share(base, all);
        s.bar = Bar.halfOf(all);
        s.turnoutDenominator = all;
        s.reason("BAR_ALL_HOUSEHOLDS", legalBasis, all, s.bar.mustExceed(), all / 2 + 1);
    }
}
