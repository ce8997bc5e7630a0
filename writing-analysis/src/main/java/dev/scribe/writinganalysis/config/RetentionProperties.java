package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of the data classes that the daily retention job deletes. Audit entries are not among
 * them: they are kept for the audit retention period and removed by whole partitions.
 *
 * @param cron when the job runs, a Spring cron expression in UTC; default {@code 0 30 3 * * *}
 * @param writingContentDays days retained writing content is kept; default 365
 * @param reflectionDays days reflection records are kept; default 1095
 * @param progressDataDays days writing-session snapshots are kept after their last update; default
 *     730
 * @param analyticsDays days released differentially private answers are kept; default 365
 */
@Validated
@ConfigurationProperties(prefix = "platform.retention")
public record RetentionProperties(
        @DefaultValue("0 30 3 * * *") @NotBlank String cron,
        @DefaultValue("365") @Min(1) int writingContentDays,
        @DefaultValue("1095") @Min(1) int reflectionDays,
        @DefaultValue("730") @Min(1) int progressDataDays,
        @DefaultValue("365") @Min(1) int analyticsDays) {}
