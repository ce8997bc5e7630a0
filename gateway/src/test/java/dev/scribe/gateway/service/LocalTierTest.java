package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.LocalTier.LocalTierUnavailableException;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class LocalTierTest {

    private static final UserClaims STUDENT =
            new UserClaims("student-demo", Role.STUDENT, "inst-demo", List.of(), 1);
    private static final byte[] BODY =
            "{\"content\":\"We are feeling anxious about my family situation at home.\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @TempDir Path directory;

    private final JsonMapper json = JsonMapper.builder().build();

    private DegradedOutbox outbox() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        return new DegradedOutbox(directory, key, Clock.systemUTC(), json);
    }

    private static byte[] pseudonymizationKey() {
        return "test-only-pseudonymization-key-0123456789".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unwritableOutboxFailsTheRequest() {
        DegradedOutbox outbox = outbox();
        outbox.close();
        LocalTier tier =
                new LocalTier(LocalTierTest::pseudonymizationKey, outbox, json, Clock.systemUTC());

        assertThatThrownBy(
                        () ->
                                tier.answer(
                                        TieredOperation.SENSITIVITY, STUDENT, "corr-1", null, BODY))
                .isInstanceOf(PlatformErrorException.class)
                .extracting(e -> ((PlatformErrorException) e).code())
                .isEqualTo(ErrorCode.UNAVAILABLE);
    }

    @Test
    void missingPseudonymizationKeyMakesTheTierUnavailable() {
        DegradedOutbox outbox = outbox();
        LocalTier tier =
                new LocalTier(
                        () -> {
                            throw new LocalTierUnavailableException("no key");
                        },
                        outbox,
                        json,
                        Clock.systemUTC());

        assertThatThrownBy(
                        () ->
                                tier.answer(
                                        TieredOperation.SENSITIVITY, STUDENT, "corr-2", null, BODY))
                .isInstanceOf(LocalTierUnavailableException.class);
        assertThat(outbox.pendingCount()).isZero();
        outbox.close();
    }

    @Test
    void operationWithoutLocalTierIsNotAnswered() {
        DegradedOutbox outbox = outbox();
        LocalTier tier =
                new LocalTier(LocalTierTest::pseudonymizationKey, outbox, json, Clock.systemUTC());

        assertThatThrownBy(
                        () ->
                                tier.answer(
                                        TieredOperation.REFLECTIONS, STUDENT, "corr-3", null, BODY))
                .isInstanceOf(LocalTierUnavailableException.class);
        outbox.close();
    }
}
