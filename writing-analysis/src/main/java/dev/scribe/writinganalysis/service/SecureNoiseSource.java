package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.core.port.NoiseSource;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Noise for differential privacy from a cryptographically secure generator. */
@Component
public class SecureNoiseSource implements NoiseSource {

    private final SecureRandom random = new SecureRandom();

    /**
     * Returns u uniform in the open interval (-0.5, 0.5). {@code nextDouble()} covers [0, 1), so
     * the one value that would give exactly -0.5 is drawn again.
     */
    @Override
    public double uniform() {
        double u;
        do {
            u = random.nextDouble() - 0.5;
        } while (u == -0.5);
        return u;
    }
}
