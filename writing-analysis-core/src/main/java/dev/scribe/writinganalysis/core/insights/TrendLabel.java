package dev.scribe.writinganalysis.core.insights;

import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Trend of bucket values in time order: the mean of the last half against the mean of the first
 * half, with a dead band of 5 %.
 */
public final class TrendLabel {

    private static final BigDecimal DEAD_BAND = new BigDecimal("0.05");
    private static final int SCALE = 20;

    private TrendLabel() {}

    /** Label of exact values (individual insights). */
    public static String ofExact(List<Rational> values) {
        if (values.size() < 2) {
            return "insufficient_data";
        }
        int half = values.size() / 2;
        Rational first = Rational.ZERO;
        Rational last = Rational.ZERO;
        for (int i = 0; i < half; i++) {
            first = first.plus(values.get(i));
            last = last.plus(values.get(values.size() - half + i));
        }
        first = first.dividedBy(Rational.of(half));
        last = last.dividedBy(Rational.of(half));
        if (first.isZero()) {
            return last.signum() > 0 ? "increasing" : "stable";
        }
        Rational change = last.minus(first).dividedBy(first);
        if (change.compareTo(Rational.parse("0.05")) > 0) {
            return "increasing";
        }
        if (change.compareTo(Rational.parse("-0.05")) < 0) {
            return "decreasing";
        }
        return "stable";
    }

    /** Label of released decimal values (aggregate insights). */
    public static String ofDecimals(List<BigDecimal> values) {
        if (values.size() < 2) {
            return "insufficient_data";
        }
        int half = values.size() / 2;
        BigDecimal first = BigDecimal.ZERO;
        BigDecimal last = BigDecimal.ZERO;
        for (int i = 0; i < half; i++) {
            first = first.add(values.get(i));
            last = last.add(values.get(values.size() - half + i));
        }
        BigDecimal count = BigDecimal.valueOf(half);
        first = first.divide(count, SCALE, RoundingMode.HALF_UP);
        last = last.divide(count, SCALE, RoundingMode.HALF_UP);
        if (first.signum() == 0) {
            return last.signum() > 0 ? "increasing" : "stable";
        }
        BigDecimal change = last.subtract(first).divide(first, SCALE, RoundingMode.HALF_UP);
        if (change.compareTo(DEAD_BAND) > 0) {
            return "increasing";
        }
        if (change.compareTo(DEAD_BAND.negate()) < 0) {
            return "decreasing";
        }
        return "stable";
    }
}
