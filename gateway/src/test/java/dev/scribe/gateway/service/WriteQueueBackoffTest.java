package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.config.WriteQueueProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Back-off of failed replays: 1 s doubled per failure, capped at 5 minutes. */
class WriteQueueBackoffTest {

    private final WriteQueueReplayer replayer =
            new WriteQueueReplayer(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    new WriteQueueProperties(
                            Path.of("unused.key"),
                            false,
                            1000,
                            100000,
                            5242880,
                            10000,
                            1000,
                            10,
                            1000,
                            300_000,
                            30),
                    null);

    @Test
    void backoffDoublesFromOneSecond() {
        assertThat(replayer.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(replayer.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(replayer.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(replayer.backoff(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void backoffIsCappedAtFiveMinutes() {
        assertThat(replayer.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(replayer.backoff(64)).isEqualTo(Duration.ofMinutes(5));
        assertThat(replayer.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }
}
