package dev.scribe.benchmarks.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Weighted choice of the operation of each request, from a seeded generator so that two runs with
 * the same seed send the same sequence of operations.
 */
public final class RequestMix {

    private final Map<Operation, Integer> weights;
    private final int totalWeight;
    private final SplittableRandom random;

    public RequestMix(Map<Operation, Integer> weights, long seed) {
        this.weights = new EnumMap<>(weights);
        this.totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
        if (totalWeight <= 0 || weights.values().stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException(
                    "Mix weights must be zero or positive with a positive sum: " + weights);
        }
        this.random = new SplittableRandom(seed);
    }

    /**
     * Parses a mix such as {@code patterns=50,sensitivity=30,reflection=20}; operations left out
     * get weight 0.
     */
    public static RequestMix parse(String text, long seed) {
        Map<Operation, Integer> weights = new EnumMap<>(Operation.class);
        for (String part : text.split(",")) {
            String[] pair = part.strip().split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException(
                        "Invalid mix entry '" + part + "'; expected operation=weight");
            }
            Operation operation;
            try {
                operation = Operation.valueOf(pair[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Unknown operation '"
                                + pair[0].strip()
                                + "' in the mix; use patterns, sensitivity or reflection",
                        e);
            }
            try {
                weights.put(operation, Integer.parseInt(pair[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Invalid weight '" + pair[1].strip() + "' for " + operation.label(), e);
            }
        }
        return new RequestMix(weights, seed);
    }

    /** Returns the operation of the next request. Not thread-safe: one caller draws. */
    public Operation next() {
        int draw = random.nextInt(totalWeight);
        for (Map.Entry<Operation, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("The weights do not cover the draw");
    }

    public int weight(Operation operation) {
        return weights.getOrDefault(operation, 0);
    }
}
