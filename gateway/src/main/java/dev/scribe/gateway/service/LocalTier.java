package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.DegradedOutboxException;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.Tier;
import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.insights.SecureRandomNoiseSource;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local tier: the service's own engine ({@code writing-analysis-core}) running in the gateway,
 * so its answers equal the service's for the same input.
 *
 * <p>The gateway cannot read the service's stored data, so the tier answers only the operations
 * that need none: content classification and purpose validation. Analysis of writing patterns and
 * reflection scoring need the subject's {@code ai_analysis} consent, which only the service's
 * consent store holds; they have no local tier, because a consent decision is never assumed. The
 * audit entries and events the engine writes go to the {@link DegradedOutbox} and are forced to
 * storage before the answer is returned; if that fails, the request fails with {@code UNAVAILABLE}.
 */
public class LocalTier {

    /** Operations the local tier answers. */
    public static final Set<TieredOperation> OPERATIONS =
            Set.of(TieredOperation.SENSITIVITY, TieredOperation.PURPOSE_VALIDATION);

    private final Supplier<byte[]> pseudonymizationKey;
    private final DegradedOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    private volatile WritingAnalysisEngine engine;

    /**
     * @param pseudonymizationKey the service's pseudonymisation secret, read at the first request
     *     so that the gateway may start before the service created its development key; it throws
     *     {@link LocalTierUnavailableException} while no key can be found
     */
    public LocalTier(
            Supplier<byte[]> pseudonymizationKey,
            DegradedOutbox outbox,
            JsonMapper json,
            Clock clock) {
        this.pseudonymizationKey = pseudonymizationKey;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** User-facing text of every local answer. */
    public static String message() {
        return "The service is unavailable, so the gateway computed this answer with the same"
                + " analysis engine; the records of this request are stored once the service is"
                + " back.";
    }

    /**
     * Answers one request. Blocks while the outbox forces its file, so callers run it off the event
     * loop.
     *
     * @throws PlatformErrorException with the engine's refusal, or {@code UNAVAILABLE} when the
     *     outbox cannot record the request
     * @throws LocalTierUnavailableException when the tier cannot run, so the router tries the next
     *     tier
     */
    public ToolResult answer(
            TieredOperation operation,
            UserClaims claims,
            String correlationId,
            String justification,
            byte[] body) {
        if (!OPERATIONS.contains(operation)) {
            throw new LocalTierUnavailableException(
                    "The local tier does not handle operation " + operation.key());
        }
        CallContext context =
                new CallContext(
                        new Caller(
                                claims.subject(),
                                dev.scribe.writinganalysis.core.api.Role.valueOf(
                                        claims.role().name()),
                                claims.institution(),
                                claims.courses(),
                                claims.tokenVersion()),
                        correlationId,
                        null,
                        justification,
                        Tier.LOCAL,
                        null,
                        false);

        try {
            JsonNode arguments = WritingAnalysisEngine.parseArguments(body);
            return engine().invoke(operation.operation(), context, arguments);
        } catch (ToolException e) {
            throw new PlatformErrorException(e.code(), e.getMessage(), e.details(), Map.of(), null);
        } catch (DegradedOutboxException e) {
            throw new PlatformErrorException(
                    ErrorCode.UNAVAILABLE,
                    "The request cannot be recorded right now, so it was not processed; try again"
                            + " later.",
                    List.of(),
                    Map.of(),
                    e);
        }
    }

    private WritingAnalysisEngine engine() {
        WritingAnalysisEngine current = engine;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (engine == null) {
                engine = build(pseudonymizationKey.get());
            }
            return engine;
        }
    }

    // NOTE: the engine runs with the documented defaults; a service configured with other
    // classifier or validator settings would give different answers than this tier.
    private WritingAnalysisEngine build(byte[] key) {
        return WritingAnalysisEngine.builder()
                .config(EngineConfig.defaults(key))
                .directory(LocalTierPorts.unreachable(CourseDirectory.class))
                .consents(LocalTierPorts.unreachable(ConsentStore.class))
                .reflections(LocalTierPorts.unreachable(ReflectionStore.class))
                .sessions(LocalTierPorts.unreachable(WritingSessionStore.class))
                .retainedContent(LocalTierPorts.unreachable(RetainedContentStore.class))
                .budgets(LocalTierPorts.unreachable(PrivacyBudgetLedger.class))
                .dpAnswers(LocalTierPorts.unreachable(DpAnswerCache.class))
                .auditTrail(new LocalTierPorts.OutboxAuditTrail(outbox, json))
                .events(new LocalTierPorts.OutboxEventPublisher(outbox, json))
                .clock(clock)
                .noise(new SecureRandomNoiseSource())
                .build();
    }

    /** The local tier cannot run now; the router steps down to the next tier. */
    public static class LocalTierUnavailableException extends RuntimeException {

        public LocalTierUnavailableException(String message) {
            super(message);
        }
    }
}
