package dev.scribe.writinganalysis.core.port;

/**
 * Randomness for differential privacy. Production implementations draw from a cryptographically
 * secure generator; tests inject deterministic ones.
 */
public interface NoiseSource {

    /** Returns u uniform in the open interval (-0.5, 0.5). */
    double uniform();

    /** Draws Laplace noise of scale {@code b}: {@code -b * sign(u) * ln(1 - 2|u|)}. */
    default double laplace(double scale) {
        double u = uniform();
        return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }
}
