package dev.scribe.writinganalysis.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Rejects boolean settings of this service that are not {@code true} or {@code false} (any case).
 * Spring's conversion also accepts {@code yes}, {@code on} and {@code 1}; such a value stops the
 * start instead, so that a typo cannot flip a privacy switch. The check reads the raw values with
 * relaxed names, so environment variables are checked too.
 */
@Component
public class StrictBooleanSettings {

    /** Every boolean setting of the service's typed configuration. */
    static final List<String> BOOLEAN_KEYS =
            List.of(
                    "platform.writing-analysis.block-direct-answers",
                    "platform.writing-analysis.auto-redact-pii",
                    "platform.demo-data.enabled",
                    "platform.adaptive.fail-fast",
                    "platform.adaptive.allow-fallback");

    public StrictBooleanSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        for (String key : BOOLEAN_KEYS) {
            binder.bind(key, String.class).ifBound(value -> check(key, value));
        }
    }

    private static void check(String key, String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            throw new IllegalStateException(
                    "Invalid value for " + key + ": expected true or false");
        }
    }
}
