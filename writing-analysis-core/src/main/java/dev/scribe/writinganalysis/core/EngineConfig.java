package dev.scribe.writinganalysis.core;

import dev.scribe.writinganalysis.core.api.Operation;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of the engine. {@link #defaults(byte[])} gives the documented defaults; the
 * pseudonymisation key has no default because it is a platform secret.
 *
 * @param autoRedactPii analyse the redacted text when a redactable element exists
 * @param blockDirectAnswers apply the no-direct-answers rule of the AI boundaries
 * @param maxAiContextLength characters of redacted AI context kept before truncation
 * @param progressWordPrecision words are stored rounded half up to a multiple of this
 * @param progressTimePrecisionSeconds seconds are stored rounded half up to a multiple of this
 * @param minClassSize minimum real class size for aggregates
 * @param minCohortSize minimum real cohort size for aggregates
 * @param minResearchGroupSize minimum group of research-consenting students for researchers
 * @param privacyEpsilon epsilon charged per fresh differentially private query
 * @param privacyBudgetPerTarget initial epsilon budget of each (scope, target)
 * @param dpClipWordsPerStudent per-student word clip W of the words-per-student average
 * @param pseudonymizationKey HMAC-SHA-256 key of pseudonyms
 * @param checkpointKeyId id of the checkpoint key, or null to store no checkpoints
 * @param checkpointKey HMAC-SHA-256 key of audit checkpoints, or null
 * @param checkpointInterval a checkpoint is stored after every this many entries
 * @param institutionDefaultTimeZone time zone for institutions the directory gives none for
 * @param systemToolAllowList operations a system identity without end-user assertion may call
 */
public record EngineConfig(
        boolean autoRedactPii,
        boolean blockDirectAnswers,
        int maxAiContextLength,
        int progressWordPrecision,
        int progressTimePrecisionSeconds,
        int minClassSize,
        int minCohortSize,
        int minResearchGroupSize,
        BigDecimal privacyEpsilon,
        BigDecimal privacyBudgetPerTarget,
        int dpClipWordsPerStudent,
        byte[] pseudonymizationKey,
        String checkpointKeyId,
        byte[] checkpointKey,
        int checkpointInterval,
        ZoneId institutionDefaultTimeZone,
        Set<Operation> systemToolAllowList) {

    public EngineConfig {
        Objects.requireNonNull(pseudonymizationKey, "pseudonymizationKey");
        if (pseudonymizationKey.length == 0) {
            throw new IllegalArgumentException("pseudonymizationKey must not be empty");
        }
        if (minClassSize < 5 || minCohortSize < 5 || minResearchGroupSize < 5) {
            throw new IllegalArgumentException("aggregate minimum group sizes must be at least 5");
        }
        if (progressWordPrecision < 1 || progressTimePrecisionSeconds < 1) {
            throw new IllegalArgumentException("progress precisions must be at least 1");
        }
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("checkpointInterval must be at least 1");
        }
        if (privacyEpsilon.signum() <= 0) {
            throw new IllegalArgumentException("privacyEpsilon must be positive");
        }
        pseudonymizationKey = pseudonymizationKey.clone();
        checkpointKey = checkpointKey == null ? null : checkpointKey.clone();
        institutionDefaultTimeZone =
                institutionDefaultTimeZone == null ? ZoneId.of("UTC") : institutionDefaultTimeZone;
        systemToolAllowList =
                systemToolAllowList == null ? Set.of() : Set.copyOf(systemToolAllowList);
    }

    /**
     * Creates the documented defaults with the given pseudonymisation key and no checkpoint key.
     */
    public static EngineConfig defaults(byte[] pseudonymizationKey) {
        return new EngineConfig(
                true,
                true,
                500,
                10,
                60,
                5,
                10,
                20,
                new BigDecimal("1.0"),
                new BigDecimal("10.0"),
                2000,
                pseudonymizationKey,
                null,
                null,
                1000,
                ZoneId.of("UTC"),
                Set.of());
    }

    @Override
    public byte[] pseudonymizationKey() {
        return pseudonymizationKey.clone();
    }

    @Override
    public byte[] checkpointKey() {
        return checkpointKey == null ? null : checkpointKey.clone();
    }

    /** Returns a copy with the given checkpoint key and the current checkpoint interval. */
    public EngineConfig withCheckpointKey(String keyId, byte[] key) {
        return withCheckpoints(keyId, key, checkpointInterval);
    }

    /**
     * Returns a copy that stores a checkpoint signed with {@code key} every {@code interval}
     * entries.
     */
    public EngineConfig withCheckpoints(String keyId, byte[] key, int interval) {
        return new EngineConfig(
                autoRedactPii,
                blockDirectAnswers,
                maxAiContextLength,
                progressWordPrecision,
                progressTimePrecisionSeconds,
                minClassSize,
                minCohortSize,
                minResearchGroupSize,
                privacyEpsilon,
                privacyBudgetPerTarget,
                dpClipWordsPerStudent,
                pseudonymizationKey,
                keyId,
                key,
                interval,
                institutionDefaultTimeZone,
                systemToolAllowList);
    }

    /** Returns a copy with the given system allow-list. */
    public EngineConfig withSystemToolAllowList(Set<Operation> allowList) {
        return new EngineConfig(
                autoRedactPii,
                blockDirectAnswers,
                maxAiContextLength,
                progressWordPrecision,
                progressTimePrecisionSeconds,
                minClassSize,
                minCohortSize,
                minResearchGroupSize,
                privacyEpsilon,
                privacyBudgetPerTarget,
                dpClipWordsPerStudent,
                pseudonymizationKey,
                checkpointKeyId,
                checkpointKey,
                checkpointInterval,
                institutionDefaultTimeZone,
                allowList);
    }

    /** Returns a copy with automatic redaction switched on or off. */
    public EngineConfig withAutoRedactPii(boolean enabled) {
        return new EngineConfig(
                enabled,
                blockDirectAnswers,
                maxAiContextLength,
                progressWordPrecision,
                progressTimePrecisionSeconds,
                minClassSize,
                minCohortSize,
                minResearchGroupSize,
                privacyEpsilon,
                privacyBudgetPerTarget,
                dpClipWordsPerStudent,
                pseudonymizationKey,
                checkpointKeyId,
                checkpointKey,
                checkpointInterval,
                institutionDefaultTimeZone,
                systemToolAllowList);
    }
}
