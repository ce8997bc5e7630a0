package dev.scribe.writinganalysis.core.audit;

/**
 * Result of a chain verification.
 *
 * @param from first requested sequence number
 * @param to last sequence number of the range
 * @param entriesChecked entries whose hash was recomputed, starting at the anchoring checkpoint
 * @param checkpointsChecked checkpoints compared with their entries
 * @param valid no gap, prevHash mismatch, hash mismatch or checkpoint mismatch
 * @param firstInvalidSeq first invalid sequence number, or null when valid
 * @param lastCheckpointSeq latest checkpoint at or before {@code to}, or null
 */
public record ChainVerification(
        long from,
        long to,
        long entriesChecked,
        long checkpointsChecked,
        boolean valid,
        Long firstInvalidSeq,
        Long lastCheckpointSeq) {}
