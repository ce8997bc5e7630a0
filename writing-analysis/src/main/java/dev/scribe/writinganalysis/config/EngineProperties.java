package dev.scribe.writinganalysis.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the analysis engine. An unknown key under the prefix stops the start, so that a
 * misspelt setting never silently falls back to its default. Decimal values bind to {@link
 * BigDecimal} because the engine compares thresholds exactly.
 *
 * <p>NOTE: the service validates but does not yet use {@code lowRiskDataTypes}, the rate limits,
 * {@code auditRetentionDays}, {@code encryptionKeyRotationDays} and {@code mcpAllowedOrigins}: it
 * has no heuristic tier, per-caller rate limiter, audit partition removal, key rotation or MCP
 * endpoint yet.
 *
 * @param sensitivityThresholdHigh sensitivity score from which content is {@code high}, 0 to 1;
 *     default 0.9
 * @param sensitivityThresholdMedium sensitivity score from which content is {@code medium}, 0 to 1;
 *     default 0.7
 * @param sensitivityThresholdLow sensitivity score from which content is {@code low}, 0 to 1;
 *     default 0.5
 * @param educationalPurposeMinScore reported purpose score from which a justification is valid, 0
 *     to 1; default 0.8
 * @param purposeFullScoreWeightedSum weighted dimension sum that yields the full purpose score,
 *     above 0 up to 1; default 0.5
 * @param blockDirectAnswers whether AI requests that ask for answers or finished text are rejected;
 *     default true
 * @param maxAiContextLength characters of redacted AI context kept before truncation, 1 to 20000;
 *     default 500
 * @param autoRedactPii whether patterns and reflections are analysed on the redacted text when it
 *     contains personal data; default true
 * @param maxPrivacyCheckMs classification time in milliseconds above which a warning is logged, 1
 *     to 1000; default 50
 * @param progressWordPrecision word counts are stored rounded to this multiple, 1 to 1000; default
 *     10
 * @param progressTimePrecisionSeconds session times are stored rounded to this multiple of seconds,
 *     1 to 3600; default 60
 * @param aggregateMinClassSize minimum class size for aggregates, at least 5; default 5
 * @param aggregateMinCohortSize minimum cohort size for aggregates, at least 5; default 10
 * @param aggregateMinResearchGroupSize minimum group size of a researcher release, at least 5;
 *     default 20
 * @param privacyEpsilon differential-privacy epsilon charged per fresh aggregate query, above 0 up
 *     to 10; default 1.0
 * @param privacyBudgetPerTarget epsilon budget of one class or cohort, above 0; default 10.0
 * @param dpClipWordsPerStudent words per student counted at most in aggregates, 1 to 1000000;
 *     default 2000
 * @param auditRetentionDays days audit entries are kept, at least 1; default 2555
 * @param encryptionKeyRotationDays days between master-key rotations, 1 to 3650; default 90
 * @param lowRiskDataTypes data types that the heuristic purpose check lets through without
 *     approval; default {@code aggregated_analytics, course_data}
 * @param rateLimitStudentPerMinute requests per minute allowed to one student, at least 1; default
 *     30
 * @param rateLimitOtherPerMinute requests per minute allowed to one caller of another role, at
 *     least 1; default 100
 * @param institutionDefaultTimeZone time zone of institutions without their own, for the local day
 *     and hour of audit signals; default UTC
 * @param mcpAllowedOrigins {@code Origin} values accepted on the MCP endpoint; default empty
 * @param systemClientToolAllowList tools that a system identity without a user assertion may call;
 *     default empty
 */
@Validated
@ConfigurationProperties(prefix = "platform.writing-analysis", ignoreUnknownFields = false)
public record EngineProperties(
        @DefaultValue("0.9") @NotNull @DecimalMin("0") @DecimalMax("1")
                BigDecimal sensitivityThresholdHigh,
        @DefaultValue("0.7") @NotNull @DecimalMin("0") @DecimalMax("1")
                BigDecimal sensitivityThresholdMedium,
        @DefaultValue("0.5") @NotNull @DecimalMin("0") @DecimalMax("1")
                BigDecimal sensitivityThresholdLow,
        @DefaultValue("0.8") @NotNull @DecimalMin("0") @DecimalMax("1")
                BigDecimal educationalPurposeMinScore,
        @DefaultValue("0.5") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1")
                BigDecimal purposeFullScoreWeightedSum,
        @DefaultValue("true") boolean blockDirectAnswers,
        @DefaultValue("500") @Min(1) @Max(20_000) int maxAiContextLength,
        @DefaultValue("true") boolean autoRedactPii,
        @DefaultValue("50") @Min(1) @Max(1000) long maxPrivacyCheckMs,
        @DefaultValue("10") @Min(1) @Max(1000) int progressWordPrecision,
        @DefaultValue("60") @Min(1) @Max(3600) int progressTimePrecisionSeconds,
        @DefaultValue("5") @Min(5) int aggregateMinClassSize,
        @DefaultValue("10") @Min(5) int aggregateMinCohortSize,
        @DefaultValue("20") @Min(5) int aggregateMinResearchGroupSize,
        @DefaultValue("1.0") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10")
                BigDecimal privacyEpsilon,
        @DefaultValue("10.0") @NotNull @DecimalMin(value = "0", inclusive = false)
                BigDecimal privacyBudgetPerTarget,
        @DefaultValue("2000") @Min(1) @Max(1_000_000) int dpClipWordsPerStudent,
        @DefaultValue("2555") @Min(1) int auditRetentionDays,
        @DefaultValue("90") @Min(1) @Max(3650) int encryptionKeyRotationDays,
        @DefaultValue({"aggregated_analytics", "course_data"}) @NotNull
                List<String> lowRiskDataTypes,
        @DefaultValue("30") @Min(1) int rateLimitStudentPerMinute,
        @DefaultValue("100") @Min(1) int rateLimitOtherPerMinute,
        @DefaultValue("UTC") @NotNull ZoneId institutionDefaultTimeZone,
        @DefaultValue @NotNull List<String> mcpAllowedOrigins,
        @DefaultValue @NotNull List<String> systemClientToolAllowList) {

    /** Rejects thresholds out of order, since the levels would then overlap. */
    @AssertTrue(message = "sensitivity thresholds must satisfy low <= medium <= high")
    public boolean isSensitivityThresholdOrderValid() {
        return sensitivityThresholdLow.compareTo(sensitivityThresholdMedium) <= 0
                && sensitivityThresholdMedium.compareTo(sensitivityThresholdHigh) <= 0;
    }
}
