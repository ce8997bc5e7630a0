package dev.scribe.writinganalysis.core.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact fraction of two {@code long} values, always stored in lowest terms with a positive
 * denominator. Every operation checks for overflow and throws {@link ArithmeticException} instead
 * of wrapping, so a score is either exact or fails loudly.
 */
public final class Rational implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(0, 1);
    public static final Rational ONE = new Rational(1, 1);

    private final long numerator;
    private final long denominator;

    private Rational(long numerator, long denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** Creates {@code n / d} in lowest terms; throws {@link ArithmeticException} when d is 0. */
    public static Rational of(long n, long d) {
        if (d == 0) {
            throw new ArithmeticException("Denominator is zero");
        }
        if (n == 0) {
            return ZERO;
        }

        long gcd = gcd(Math.abs(n), Math.abs(d));
        long num = n / gcd;
        long den = d / gcd;
        if (den < 0) {
            num = Math.negateExact(num);
            den = Math.negateExact(den);
        }
        return new Rational(num, den);
    }

    public static Rational of(long n) {
        return n == 0 ? ZERO : new Rational(n, 1);
    }

    /** Parses a plain decimal such as {@code "0.15"} or {@code "-2"} exactly. */
    public static Rational parse(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        if (value.scale() <= 0) {
            return of(value.toBigIntegerExact().longValueExact());
        }
        BigInteger unscaled = value.unscaledValue();
        BigInteger scale = BigInteger.TEN.pow(value.scale());
        return of(unscaled.longValueExact(), scale.longValueExact());
    }

    public long numerator() {
        return numerator;
    }

    public long denominator() {
        return denominator;
    }

    public Rational plus(Rational other) {
        long gcd = gcd(denominator, other.denominator);
        long left = Math.multiplyExact(numerator, other.denominator / gcd);
        long right = Math.multiplyExact(other.numerator, denominator / gcd);
        return of(
                Math.addExact(left, right),
                Math.multiplyExact(denominator, other.denominator / gcd));
    }

    public Rational minus(Rational other) {
        return plus(other.negate());
    }

    public Rational times(Rational other) {
        // Cross-reducing first keeps intermediate products small.
        long g1 = gcd(Math.abs(numerator), other.denominator);
        long g2 = gcd(Math.abs(other.numerator), denominator);
        long num = Math.multiplyExact(numerator / g1, other.numerator / g2);
        long den = Math.multiplyExact(denominator / g2, other.denominator / g1);
        return of(num, den);
    }

    public Rational dividedBy(Rational other) {
        if (other.numerator == 0) {
            throw new ArithmeticException("Division by zero");
        }
        return times(of(other.denominator, other.numerator));
    }

    public Rational negate() {
        return numerator == 0 ? this : new Rational(Math.negateExact(numerator), denominator);
    }

    public Rational abs() {
        return numerator < 0 ? negate() : this;
    }

    public Rational min(Rational other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Rational max(Rational other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Rational clamp(Rational value, Rational lo, Rational hi) {
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("Lower bound is above the upper bound");
        }
        return value.max(lo).min(hi);
    }

    public boolean isZero() {
        return numerator == 0;
    }

    public int signum() {
        return Long.signum(numerator);
    }

    /** Rounds half up (away from zero at exactly .5) to {@code scale} decimals, exactly. */
    public BigDecimal round(int scale) {
        return BigDecimal.valueOf(numerator)
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /**
     * Rounds half up to {@code scale} decimals, then drops trailing zeros (never below scale 0).
     */
    public BigDecimal roundStripped(int scale) {
        BigDecimal stripped = round(scale).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Returns the largest integer not above this value. */
    public long floor() {
        return Math.floorDiv(numerator, denominator);
    }

    @Override
    public int compareTo(Rational other) {
        long high1 = Math.multiplyHigh(numerator, other.denominator);
        long high2 = Math.multiplyHigh(other.numerator, denominator);
        long low1 = numerator * other.denominator;
        long low2 = other.numerator * denominator;
        boolean fits1 = (high1 == 0 && low1 >= 0) || (high1 == -1 && low1 < 0);
        boolean fits2 = (high2 == 0 && low2 >= 0) || (high2 == -1 && low2 < 0);
        if (fits1 && fits2) {
            return Long.compare(low1, low2);
        }
        BigInteger left =
                BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator));
        BigInteger right =
                BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator));
        return left.compareTo(right);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rational r && r.numerator == numerator && r.denominator == denominator;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(numerator) * 31 + Long.hashCode(denominator);
    }

    @Override
    public String toString() {
        return denominator == 1 ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
