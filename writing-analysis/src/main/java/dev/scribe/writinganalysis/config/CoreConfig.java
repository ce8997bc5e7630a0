package dev.scribe.writinganalysis.config;

import dev.scribe.writinganalysis.domain.ContentCipher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Beans shared by every layer: the clock, the secrets and the migration set. */
@Configuration(proxyBeanMethods = false)
public class CoreConfig {

    /**
     * Demo data migrations, kept apart so that {@code platform.demo-data.enabled=false} seeds none.
     */
    static final String DEMO_DATA_LOCATION = "classpath:db/demo";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PseudonymizationKey pseudonymizationKey(
            PrivacyProperties privacy, ServiceProperties service, Environment environment) {
        return PseudonymizationKey.resolve(
                privacy.pseudonymizationKey(), service.dataDir(), environment.getActiveProfiles());
    }

    @Bean
    AuditCheckpointKey auditCheckpointKey(
            PrivacyProperties privacy, ServiceProperties service, Environment environment) {
        return AuditCheckpointKey.resolve(
                privacy.auditCheckpointKey(), service.dataDir(), environment.getActiveProfiles());
    }

    @Bean
    ContentCipher contentCipher(
            EncryptionProperties encryption, ServiceProperties service, Environment environment) {
        return EncryptionKeys.resolve(
                encryption, environment.getActiveProfiles(), service.dataDir());
    }

    @Bean
    FlywayConfigurationCustomizer demoDataMigrations(ServiceProperties service) {
        return configuration -> {
            if (!service.demoData().enabled()) {
                return;
            }
            List<Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new Location(DEMO_DATA_LOCATION));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
