package dev.scribe.gateway.domain;

import dev.scribe.platform.web.Tier;
import dev.scribe.writinganalysis.core.api.Operation;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/**
 * The writing-analysis operations that the tier router serves on the canonical prefix
 * (writing-analysis §3.2), with their tiers at the gateway and their synthetic probe (AR-7).
 *
 * <p>Tiers here are those the gateway can honestly provide. The local tier (the engine in process,
 * its records kept in the durable outbox) serves only classification and purpose validation: the
 * other operations need stored data or the subject's consent, which only the service can read.
 * Progress and audit writes are queueable and never reach the router (§6.4); the progress read and
 * the legacy routes have no degraded answer at the gateway and stay on the normal proxy chain.
 */
public enum TieredOperation {
    PATTERNS(
            "/patterns",
            Operation.ANALYZE_WRITING_PATTERNS,
            List.of(Tier.REMOTE, Tier.HEURISTIC),
            null),
    REFLECTIONS(
            "/reflections/evaluate",
            Operation.EVALUATE_REFLECTION_QUALITY,
            List.of(Tier.REMOTE),
            null),
    INSIGHTS(
            "/insights",
            Operation.GENERATE_WRITING_INSIGHTS,
            List.of(Tier.REMOTE, Tier.HEURISTIC),
            null),
    SENSITIVITY(
            "/sensitivity",
            Operation.CLASSIFY_CONTENT_SENSITIVITY,
            List.of(Tier.REMOTE, Tier.LOCAL, Tier.HEURISTIC),
            "{\"content\":\"Probe text without personal data.\"}"),
    PURPOSE_VALIDATION(
            "/purpose-validation",
            Operation.VALIDATE_EDUCATIONAL_PURPOSE,
            List.of(Tier.REMOTE, Tier.LOCAL, Tier.HEURISTIC),
            null),
    AI_BOUNDARIES(
            "/ai-boundaries",
            Operation.APPLY_AI_BOUNDARIES,
            List.of(Tier.REMOTE, Tier.HEURISTIC),
            null);

    /** The canonical prefix of writing-analysis §3.2. */
    public static final String PREFIX = "/api/writing-analysis";

    /** The owning service; its circuits are {@code writing-analysis:<circuitSuffix>}. */
    public static final String SERVICE = "writing-analysis";

    private final String path;
    private final Operation operation;
    private final List<Tier> tiers;
    private final String probeBody;

    TieredOperation(String path, Operation operation, List<Tier> tiers, String probeBody) {
        this.path = path;
        this.operation = operation;
        this.tiers = tiers;
        this.probeBody = probeBody;
    }

    public String path() {
        return PREFIX + path;
    }

    public Operation operation() {
        return operation;
    }

    /** Tiers in the configured order of AR-1. */
    public List<Tier> tiers() {
        return tiers;
    }

    /** Operation name in metric labels, flags and circuit names, such as {@code patterns}. */
    public String key() {
        return path.substring(1).replace('/', '-');
    }

    /** The operation circuit, such as {@code writing-analysis:patterns}. */
    public String circuitName() {
        return SERVICE + ":" + key();
    }

    /**
     * The fixed probe body (no personal data), or null when the operation has no probe that is safe
     * to send. Only classification is probed: it stores and audits nothing, while every other
     * operation would write an audit entry or need a subject with consent on each probe.
     */
    public String probeBody() {
        return probeBody;
    }

    /**
     * Whether a remote call may be repeated: classification and purpose validation store nothing
     * that a repeat could duplicate (MCP {@code idempotentHint}).
     */
    public boolean idempotent() {
        return operation.idempotentHint();
    }

    /** Finds the operation of a POST to {@code path}, if the router serves it. */
    public static Optional<TieredOperation> match(HttpMethod method, String path) {
        if (!HttpMethod.POST.equals(method)) {
            return Optional.empty();
        }
        for (TieredOperation op : values()) {
            if (op.path().equals(path)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
