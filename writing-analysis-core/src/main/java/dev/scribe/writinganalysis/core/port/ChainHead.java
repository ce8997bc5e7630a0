package dev.scribe.writinganalysis.core.port;

/**
 * The last entry of the audit chain: its sequence number and hash.
 *
 * @param seq sequence number of the last entry, 0 for an empty trail
 * @param entryHash hash of the last entry, 64 zeros for an empty trail
 */
public record ChainHead(long seq, String entryHash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public static final ChainHead EMPTY = new ChainHead(0, GENESIS_HASH);
}
