package dev.scribe.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code meta} object of a success envelope. {@code degraded} is true exactly when the tier is
 * not {@code remote}; {@code message} is present only on degraded responses.
 */
public record Meta(
        Tier tier,
        boolean degraded,
        List<String> notices,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message,
        String correlationId) {

    public Meta {
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public static Meta remote(List<String> notices, String correlationId) {
        return new Meta(Tier.REMOTE, false, notices, null, correlationId);
    }

    public static Meta degraded(
            Tier tier, List<String> notices, String message, String correlationId) {
        if (tier == Tier.REMOTE) {
            throw new IllegalArgumentException("A remote response cannot be degraded");
        }
        return new Meta(tier, true, notices, message, correlationId);
    }
}
