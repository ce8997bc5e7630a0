package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.NoiseSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Deterministic noise source: returns the configured values of u in turn (cycling) and records the
 * Laplace scale of every draw so that tests can assert each scale b.
 */
public final class RecordingNoiseSource implements NoiseSource {

    private final double[] uniforms;
    private int next;
    private final List<Double> scales = new CopyOnWriteArrayList<>();

    /**
     * Creates a source that returns the values of {@code uniforms} in turn, each in (-0.5, 0.5).
     */
    public RecordingNoiseSource(double... uniforms) {
        if (uniforms.length == 0) {
            throw new IllegalArgumentException("at least one value of u is needed");
        }
        for (double u : uniforms) {
            if (!(u > -0.5 && u < 0.5)) {
                throw new IllegalArgumentException("u must lie in (-0.5, 0.5): " + u);
            }
        }
        this.uniforms = uniforms.clone();
    }

    /** Creates a source that always draws u = 0, so every noise value is zero. */
    public static RecordingNoiseSource zero() {
        return new RecordingNoiseSource(0.0);
    }

    @Override
    public synchronized double uniform() {
        double u = uniforms[next];
        next = (next + 1) % uniforms.length;
        return u;
    }

    @Override
    public double laplace(double scale) {
        scales.add(scale);
        return NoiseSource.super.laplace(scale);
    }

    /** Scales of all draws so far, in draw order. */
    public List<Double> scales() {
        return List.copyOf(scales);
    }

    public void clear() {
        scales.clear();
    }
}
