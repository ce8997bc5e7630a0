package dev.scribe.writinganalysis.core.accesslevel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLevelTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, RESTRICTED",
        "59, RESTRICTED",
        "60, BASIC",
        "74, BASIC",
        "75, STANDARD",
        "89, STANDARD",
        "90, ENHANCED",
        "100, ENHANCED"
    })
    void bandBoundaries(int score, AccessLevel expected) {
        assertThat(AccessLevel.forScore(score)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "RESTRICTED | restricted | Reach a reflection score of at least 60.",
                "BASIC | basic | Reach a reflection score of at least 75.",
                "STANDARD | standard | Reach a reflection score of at least 90.",
                "ENHANCED | enhanced | Keep reflecting at this standard to keep enhanced access."
            })
    void wireNameAndRequirement(AccessLevel level, String wireName, String requirement) {
        assertThat(level.wireName()).isEqualTo(wireName);
        assertThat(level.nextLevelRequirements()).containsExactly(requirement);
    }
}
