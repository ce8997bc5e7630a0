package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the instance leaves the platform when it is stopped.
 *
 * @param drainDelay time between reporting the instance DOWN to the registry and stopping the web
 *     server, during which the instance still answers; default 12 s, which covers the registry's
 *     response cache (1 s), the gateway's registry fetch (5 s) and its instance cache (5 s). Zero
 *     stops at once
 */
@Validated
@ConfigurationProperties(prefix = "platform.shutdown")
public record ShutdownProperties(@DefaultValue("12s") @NotNull Duration drainDelay) {

    public ShutdownProperties {
        if (drainDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "platform.shutdown.drain-delay must not be negative, got " + drainDelay);
        }
    }
}
