package dev.scribe.gateway.config;

import dev.scribe.gateway.client.RemoteOperationClient;
import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.DegradedOutboxReplayer;
import dev.scribe.gateway.service.LocalTier;
import dev.scribe.gateway.service.LocalTier.LocalTierUnavailableException;
import dev.scribe.platform.security.ServiceTokenClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/** The local tier, its durable outbox, the outbox metrics and the replay timer. */
@Configuration(proxyBeanMethods = false)
public class LocalTierConfiguration {

    static final String OUTBOX_KEY_FILE = "gateway-outbox.key";

    /** The writing-analysis service's development key file (its DevelopmentKeyFiles format). */
    static final String PSEUDONYMIZATION_KEY_FILE = "pseudonymization.key";

    /** Shortest configured pseudonymisation key the service accepts, in characters. */
    static final int MIN_PSEUDONYMIZATION_KEY_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(LocalTierConfiguration.class);

    @Bean(destroyMethod = "close")
    DegradedOutbox degradedOutbox(
            LocalTierProperties properties,
            Environment environment,
            Clock clock,
            JsonMapper jsonMapper,
            MeterRegistry meters) {
        byte[] key = outboxKey(properties, environment.getActiveProfiles());
        DegradedOutbox outbox = new DegradedOutbox(properties.dataDir(), key, clock, jsonMapper);
        Gauge.builder("degraded_outbox_pending_entries", outbox, DegradedOutbox::pendingCount)
                .description("Outbox entries not yet acknowledged by the service")
                .register(meters);
        Gauge.builder(
                        "degraded_outbox_oldest_age_seconds",
                        outbox,
                        o -> o.oldestAge().toMillis() / 1000.0)
                .description("Age of the oldest pending outbox entry; 0 when none is pending")
                .register(meters);
        return outbox;
    }

    @Bean
    LocalTier localTier(
            LocalTierProperties properties,
            DegradedOutbox outbox,
            JsonMapper jsonMapper,
            Clock clock) {
        return new LocalTier(pseudonymizationKey(properties), outbox, jsonMapper, clock);
    }

    @Bean
    DegradedOutboxReplayer degradedOutboxReplayer(
            DegradedOutbox outbox,
            CircuitBreakers breakers,
            RemoteOperationClient client,
            ServiceTokenClient tokens,
            JsonMapper jsonMapper,
            LocalTierProperties properties) {
        return new DegradedOutboxReplayer(
                outbox,
                breakers,
                client,
                tokens,
                jsonMapper,
                Duration.ofSeconds(properties.replayIntervalSeconds()),
                Duration.ofMillis(properties.replayTimeoutMs()));
    }

    /**
     * Resolves the outbox key: the configured one, or in the embedded profile a development key
     * kept in the data directory (created on first start).
     *
     * @throws IllegalStateException when no key is configured and a profile is active
     * @throws IllegalArgumentException when the configured key is not Base64 of 32 bytes
     */
    static byte[] outboxKey(LocalTierProperties properties, String[] activeProfiles) {
        if (properties.outboxKey() != null) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(properties.outboxKey().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "platform.gateway.local-tier.outbox-key is not valid Base64", e);
            }
            if (key.length != 32) {
                throw new IllegalArgumentException(
                        "platform.gateway.local-tier.outbox-key must be Base64 of 32 bytes (an"
                                + " AES-256 key), got "
                                + key.length
                                + " bytes");
            }
            return key;
        }
        if (activeProfiles.length > 0) {
            throw new IllegalStateException(
                    "platform.gateway.local-tier.outbox-key is not set. Only the embedded profile"
                            + " (no active Spring profile) may use a development key, and the"
                            + " active profiles are "
                            + Arrays.toString(activeProfiles)
                            + ". Set it to Base64 of a managed 32-byte secret.");
        }
        Path file = properties.dataDir().resolve(OUTBOX_KEY_FILE);
        log.atWarn()
                .addKeyValue("file", file)
                .log(
                        "platform.gateway.local-tier.outbox-key is not set; using the development"
                                + " key file. Set a managed secret outside development.");
        return loadOrCreate(file);
    }

    /**
     * Reads the service's pseudonymisation secret at each call until one is found: the configured
     * value, else the service's development key file in the shared data directory.
     */
    static Supplier<byte[]> pseudonymizationKey(LocalTierProperties properties) {
        return () -> {
            String configured = properties.pseudonymizationKey();
            if (configured != null) {
                if (configured.length() < MIN_PSEUDONYMIZATION_KEY_LENGTH) {
                    throw new LocalTierUnavailableException(
                            "platform.gateway.local-tier.pseudonymization-key is shorter than "
                                    + MIN_PSEUDONYMIZATION_KEY_LENGTH
                                    + " characters");
                }
                return configured.getBytes(StandardCharsets.UTF_8);
            }
            Path file = properties.dataDir().resolve(PSEUDONYMIZATION_KEY_FILE);
            try {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            } catch (IOException | IllegalArgumentException e) {
                throw new LocalTierUnavailableException(
                        "No pseudonymization key: platform.gateway.local-tier.pseudonymization-key"
                                + " is not set and "
                                + file
                                + " cannot be read ("
                                + e.getClass().getSimpleName()
                                + ")");
            }
        };
    }

    private static synchronized byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "key", ".tmp");
            try {
                Files.setPosixFilePermissions(
                        temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // NOTE: on file systems without POSIX permissions the key file keeps default
                // access.
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                // A second gateway on the same data directory won the race; use its key.
                Files.deleteIfExists(temporary);
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the outbox key " + file, e);
        }
    }
}
