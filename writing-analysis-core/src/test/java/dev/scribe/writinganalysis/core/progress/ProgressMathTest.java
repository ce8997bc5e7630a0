package dev.scribe.writinganalysis.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressMathTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "T1, 347, 1234, 350, 1260, 16.7, ''",
        "T2, 345, 1230, 350, 1260, 16.7, ''",
        "T3, 344, 1229, 340, 1200, 17.0, ''",
        "T4, 40, 900, 40, 900, 2.7, writing_block_detected",
        "T5, 8000, 7230, 8000, 7260, 66.1, extended_session",
        "T6, 8000, 7229, 8000, 7200, 66.7, ''",
        "T7, 120, 0, 120, 0, 0.0, ''"
    })
    void goldenRoundingAndTriggers(
            String id,
            int words,
            int seconds,
            int recordedWords,
            int recordedSeconds,
            String wordsPerMinute,
            String trigger) {
        int storedWords = ProgressMath.roundHalfUp(words, 10);
        int storedSeconds = ProgressMath.roundHalfUp(seconds, 60);
        BigDecimal rate = ProgressMath.wordsPerMinute(storedWords, storedSeconds);

        assertThat(storedWords).isEqualTo(recordedWords);
        assertThat(storedSeconds).isEqualTo(recordedSeconds);
        assertThat(rate.toPlainString()).isEqualTo(wordsPerMinute);
        assertThat(ProgressMath.triggers(rate, storedSeconds))
                .isEqualTo(trigger.isEmpty() ? java.util.List.of() : java.util.List.of(trigger));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 10, 0",
        "4, 10, 0",
        "5, 10, 10",
        "1000000, 10, 1000000",
        "29, 60, 0",
        "30, 60, 60",
        "86400, 60, 86400",
        "7, 3, 6",
        "8, 3, 9"
    })
    void roundsHalfUpToPrecision(int value, int precision, int expected) {
        assertThat(ProgressMath.roundHalfUp(value, precision)).isEqualTo(expected);
    }
}
