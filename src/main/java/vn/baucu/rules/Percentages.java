package vn.baucu.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one percentage policy of baucu: a share of a stated denominator, two decimals, rounded half-up
 * (HĐBCQG guidance: 22.566% → 22.57%). Every percentage the system shows is computed here, and every
 * report of one states its denominator.
 */
public final class Percentages {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentages() {
    }

    /** {@code part / whole × 100} to two decimals, half-up; null when {@code whole} is zero. */
    public static BigDecimal of(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The same as text with two decimals ("35.48"), as the published API writes percentages. */
    public static String format(long part, long whole) {
        BigDecimal p = of(part, whole);
        return p == null ? null : p.toPlainString();
    }
}
