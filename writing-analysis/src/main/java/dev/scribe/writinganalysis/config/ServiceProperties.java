package dev.scribe.writinganalysis.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Platform-wide settings that this service reads.
 *
 * @param dataDir directory of the service's files: the H2 database file {@code writing-analysis}
 *     and the generated development pseudonymization key; default {@code
 *     ${java.io.tmpdir}/scribe/data}
 * @param demoData seeding of the demo institution, course and users
 */
@Validated
@ConfigurationProperties(prefix = "platform")
public record ServiceProperties(@NotNull Path dataDir, @Valid DemoData demoData) {

    public ServiceProperties {
        demoData = demoData == null ? new DemoData(true) : demoData;
    }

    /**
     * Seeding of the demo data.
     *
     * @param enabled whether the migrations under {@code db/demo} run; default {@code true} (the
     *     embedded profile)
     */
    public record DemoData(@DefaultValue("true") boolean enabled) {}
}
