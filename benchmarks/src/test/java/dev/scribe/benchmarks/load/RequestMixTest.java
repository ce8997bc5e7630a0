package dev.scribe.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void sameSeedGivesSameSequence() {
        RequestMix first = RequestMix.parse("patterns=50,sensitivity=30,reflection=20", 7);
        RequestMix second = RequestMix.parse("patterns=50,sensitivity=30,reflection=20", 7);
        List<Operation> a = new ArrayList<>();
        List<Operation> b = new ArrayList<>();

        for (int i = 0; i < 100; i++) {
            a.add(first.next());
            b.add(second.next());
        }

        assertThat(a).isEqualTo(b);
    }

    @Test
    void drawsFollowTheWeights() {
        RequestMix mix = RequestMix.parse("patterns=50,sensitivity=30,reflection=20", 1);
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);

        for (int i = 0; i < 20_000; i++) {
            counts.merge(mix.next(), 1, Integer::sum);
        }

        assertThat(counts.get(Operation.PATTERNS)).isBetween(9_500, 10_500);
        assertThat(counts.get(Operation.SENSITIVITY)).isBetween(5_600, 6_400);
        assertThat(counts.get(Operation.REFLECTION)).isBetween(3_600, 4_400);
    }

    @Test
    void zeroWeightIsNeverDrawn() {
        RequestMix mix = RequestMix.parse("sensitivity=1", 3);

        for (int i = 0; i < 1_000; i++) {
            assertThat(mix.next()).isEqualTo(Operation.SENSITIVITY);
        }
        assertThat(mix.weight(Operation.PATTERNS)).isZero();
    }

    @Test
    void unknownOperationIsRejected() {
        assertThatThrownBy(() -> RequestMix.parse("patterns=1,grading=2", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown operation 'grading'");
    }

    @Test
    void invalidWeightIsRejected() {
        assertThatThrownBy(() -> RequestMix.parse("patterns=lots", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid weight 'lots'");
    }

    @Test
    void allZeroWeightsAreRejected() {
        assertThatThrownBy(() -> RequestMix.parse("patterns=0", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive sum");
    }
}
