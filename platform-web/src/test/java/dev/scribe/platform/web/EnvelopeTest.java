package dev.scribe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"corr-0001", "abcdefgh", "A.b_c-d.123456"})
    void validCorrelationIdKept(String inbound) {
        assertThat(CorrelationIds.keepOrGenerate(inbound)).isEqualTo(inbound);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it", "semi;colon-value", ""})
    void invalidCorrelationIdReplaced(String inbound) {
        String kept = CorrelationIds.keepOrGenerate(inbound);

        assertThat(kept).isNotEqualTo(inbound);
        assertThat(CorrelationIds.isValid(kept)).isTrue();
    }

    @Test
    void correlationIdLengthBoundaries() {
        assertThat(CorrelationIds.isValid("a".repeat(7))).isFalse();
        assertThat(CorrelationIds.isValid("a".repeat(8))).isTrue();
        assertThat(CorrelationIds.isValid("a".repeat(64))).isTrue();
        assertThat(CorrelationIds.isValid("a".repeat(65))).isFalse();
        assertThat(CorrelationIds.isValid(null)).isFalse();
    }

    @Test
    void errorBodyTakesRetryHintFromCode() {
        ErrorBody body =
                ErrorBody.of(
                        ErrorCode.UPSTREAM_UNAVAILABLE,
                        "No instance of writing-analysis is available.",
                        "corr-0001");

        assertThat(body.success()).isFalse();
        assertThat(body.error().code()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(body.error().retryable()).isTrue();
        assertThat(body.error().details()).isEmpty();
    }

    @Test
    void retryAfterRequiredFor503And429Only() {
        assertThat(ErrorCode.RATE_LIMITED.requiresRetryAfter()).isTrue();
        assertThat(ErrorCode.NO_TIER_AVAILABLE.requiresRetryAfter()).isTrue();
        assertThat(ErrorCode.UPSTREAM_TIMEOUT.requiresRetryAfter()).isFalse();
        assertThat(ErrorCode.INVALID_ARGUMENT.requiresRetryAfter()).isFalse();
    }

    @Test
    void remoteMetaIsNeverDegraded() {
        Meta meta = Meta.remote(List.of("FIELD_IGNORED:consent"), "corr-0001");

        assertThat(meta.degraded()).isFalse();
        assertThat(meta.message()).isNull();
        assertThatThrownBy(() -> Meta.degraded(Tier.REMOTE, List.of(), "limited", "corr-0001"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tierWireNamesRoundTrip() {
        for (Tier tier : Tier.values()) {
            assertThat(Tier.fromWireName(tier.wireName())).isEqualTo(tier);
        }
    }
}
