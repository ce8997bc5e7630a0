package dev.scribe.writinganalysis.core.progress;

import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reduced-precision storage and the aggregates and triggers of writing sessions. */
public final class ProgressMath {

    /** Trigger for a slow session: under 5 words per minute after more than 600 seconds. */
    public static final String WRITING_BLOCK_DETECTED = "writing_block_detected";

    /** Trigger for a session of more than 7,200 seconds. */
    public static final String EXTENDED_SESSION = "extended_session";

    private static final BigDecimal BLOCK_WORDS_PER_MINUTE = BigDecimal.valueOf(5);
    private static final long BLOCK_MIN_SECONDS = 600;
    private static final long EXTENDED_SECONDS = 7200;

    private ProgressMath() {}

    /** Rounds a non-negative value half up to the nearest multiple of {@code precision}. */
    public static int roundHalfUp(int value, int precision) {
        long doubled = 2L * value + precision;
        return (int) (doubled / (2L * precision) * precision);
    }

    /** Words per minute, 1 decimal, half up; 0 when no time was spent. */
    public static BigDecimal wordsPerMinute(long words, long seconds) {
        if (seconds == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return Rational.of(words * 60, seconds).round(1);
    }

    /** Triggers fired by reported aggregates, in their fixed order. */
    public static List<String> triggers(BigDecimal reportedWordsPerMinute, long totalSeconds) {
        List<String> triggers = new ArrayList<>();
        if (reportedWordsPerMinute.compareTo(BLOCK_WORDS_PER_MINUTE) < 0
                && totalSeconds > BLOCK_MIN_SECONDS) {
            triggers.add(WRITING_BLOCK_DETECTED);
        }
        if (totalSeconds > EXTENDED_SECONDS) {
            triggers.add(EXTENDED_SESSION);
        }
        return triggers;
    }
}
