package dev.scribe.writinganalysis.core.audit;

/**
 * Result of a chain verification.
 *
 * @param from first requested sequence number
 * @param to last sequence number of the range: the requested end capped at the head, so below
 *     {@code from} when the range starts beyond the head
 * @param entriesChecked entries whose hash was recomputed in total, counted from the anchoring
 *     checkpoint at or before {@code from} (or from entry 1) up to {@code to} or up to and
 *     including the first invalid entry, so it can exceed {@code to - from + 1}
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
