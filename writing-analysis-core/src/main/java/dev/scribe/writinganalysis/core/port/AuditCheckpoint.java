package dev.scribe.writinganalysis.core.port;

import java.time.Instant;

/**
 * A signed checkpoint of the audit chain.
 *
 * @param seq sequence number of the checkpointed entry
 * @param entryHash hash of that entry
 * @param signedAt signing time
 * @param keyId id of the checkpoint key
 * @param signature lowercase hex HMAC-SHA-256 over {@code seq + ":" + entryHash}
 */
public record AuditCheckpoint(
        long seq, String entryHash, Instant signedAt, String keyId, String signature) {}
