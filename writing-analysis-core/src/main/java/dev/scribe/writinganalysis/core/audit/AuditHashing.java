package dev.scribe.writinganalysis.core.audit;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chain rule of the audit trail: {@code entryHash} is the lowercase hex SHA-256 of the UTF-8
 * bytes of the RFC 8785 (JSON Canonicalization Scheme) form of the entry without {@code entryHash}.
 */
public final class AuditHashing {

    private AuditHashing() {}

    /**
     * Converts the entry to a JSON object without {@code entryHash}, timestamps in ISO millis with
     * Z.
     */
    public static ObjectNode hashedFields(AuditEntry entry) {
        ObjectNode node = Json.object();
        node.put("seq", entry.seq());
        node.put("eventId", entry.eventId());
        node.put("occurredAt", Json.timestamp(entry.occurredAt()));
        node.put("recordedAt", Json.timestamp(entry.recordedAt()));
        node.put("actorPseudonym", entry.actorPseudonym());
        node.put("actorRole", entry.actorRole());
        node.put("subjectPseudonym", entry.subjectPseudonym());
        node.put("category", entry.category());
        node.put("action", entry.action());
        node.put("resourceType", entry.resourceType());
        node.put("resourcePseudonym", entry.resourcePseudonym());
        node.put("purpose", entry.purpose());
        node.put("legalBasis", entry.legalBasis());
        node.put("outcome", entry.outcome());
        node.put("correlationId", entry.correlationId());
        node.put("traceId", entry.traceId());
        node.put("privacyLevel", entry.privacyLevel());
        ObjectNode flags = node.putObject("complianceFlags");
        flags.put("gdpr", entry.complianceFlags().gdpr());
        flags.put("ferpa", entry.complianceFlags().ferpa());
        flags.put("coppa", entry.complianceFlags().coppa());
        node.set("details", entry.details().deepCopy());
        node.put("prevHash", entry.prevHash());
        return node;
    }

    /** RFC 8785 canonical JSON of the entry without {@code entryHash}. */
    public static String canonicalForm(AuditEntry entry) {
        String json = Json.mapper().writeValueAsString(hashedFields(entry));
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalise an audit entry", e);
        }
    }

    /** The hash the entry must carry according to the chain rule. */
    public static String computeHash(AuditEntry entry) {
        return sha256Hex(canonicalForm(entry).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
