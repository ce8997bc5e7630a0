package dev.scribe.writinganalysis.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Test
    void ofReducesToLowestTerms() {
        Rational r = Rational.of(6, -4);

        assertThat(r.numerator()).isEqualTo(-3);
        assertThat(r.denominator()).isEqualTo(2);
        assertThat(r).isEqualTo(Rational.of(-3, 2));
    }

    @Test
    void parseReadsDecimalsExactly() {
        assertThat(Rational.parse("0.15")).isEqualTo(Rational.of(3, 20));
        assertThat(Rational.parse("-2")).isEqualTo(Rational.of(-2));
        assertThat(Rational.parse("1.0")).isEqualTo(Rational.ONE);
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.of(1, 3);

        assertThat(third.plus(third).plus(third)).isEqualTo(Rational.ONE);
        assertThat(Rational.parse("0.1").plus(Rational.parse("0.2")))
                .isEqualTo(Rational.parse("0.3"));
        assertThat(third.minus(Rational.of(1, 2))).isEqualTo(Rational.of(-1, 6));
        assertThat(third.times(Rational.of(3, 4))).isEqualTo(Rational.of(1, 4));
        assertThat(third.dividedBy(Rational.of(2))).isEqualTo(Rational.of(1, 6));
    }

    @Test
    void roundIsHalfUpAwayFromZero() {
        assertThat(Rational.of(1, 8).round(2)).isEqualTo(new BigDecimal("0.13"));
        assertThat(Rational.of(-1, 8).round(2)).isEqualTo(new BigDecimal("-0.13"));
        assertThat(Rational.of(2, 3).round(3)).isEqualTo(new BigDecimal("0.667"));
        assertThat(Rational.of(5).round(2)).isEqualTo(new BigDecimal("5.00"));
        assertThat(Rational.of(-1, 13).round(3)).isEqualTo(new BigDecimal("-0.077"));
    }

    @Test
    void roundStrippedDropsTrailingZeros() {
        assertThat(Rational.parse("0.630").roundStripped(4)).isEqualTo(new BigDecimal("0.63"));
        assertThat(Rational.ZERO.roundStripped(4)).isEqualTo(new BigDecimal("0"));
        assertThat(Rational.ONE.roundStripped(4)).isEqualTo(new BigDecimal("1"));
    }

    @Test
    void compareIsExactAndClampBounds() {
        assertThat(Rational.of(1, 3).compareTo(Rational.parse("0.3333"))).isPositive();
        assertThat(Rational.of(2, 4).compareTo(Rational.of(1, 2))).isZero();
        assertThat(Rational.clamp(Rational.of(7, 5), Rational.ZERO, Rational.ONE))
                .isEqualTo(Rational.ONE);
        assertThat(Rational.clamp(Rational.of(-1, 5), Rational.ZERO, Rational.ONE))
                .isEqualTo(Rational.ZERO);
        assertThat(Rational.of(7, 2).floor()).isEqualTo(3);
        assertThat(Rational.of(-7, 2).floor()).isEqualTo(-4);
    }

    @Test
    void overflowAndDivisionByZeroThrow() {
        assertThatThrownBy(() -> Rational.of(Long.MAX_VALUE).plus(Rational.ONE))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.ONE.dividedBy(Rational.ZERO))
                .isInstanceOf(ArithmeticException.class);
    }
}
