package dev.scribe.writinganalysis.core.insights;

import dev.scribe.writinganalysis.core.port.NoiseSource;
import java.security.SecureRandom;

/** Noise source for production: u drawn from a cryptographically secure generator. */
public final class SecureRandomNoiseSource implements NoiseSource {

    private final SecureRandom random;

    public SecureRandomNoiseSource() {
        this(new SecureRandom());
    }

    public SecureRandomNoiseSource(SecureRandom random) {
        this.random = random;
    }

    /** Draws u uniform in the open interval (-0.5, 0.5); the boundary -0.5 is redrawn. */
    @Override
    public double uniform() {
        double u;
        do {
            u = random.nextDouble() - 0.5;
        } while (u <= -0.5);
        return u;
    }
}
