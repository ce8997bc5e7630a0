package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.EncryptionProperties;
import dev.scribe.writinganalysis.domain.ContentCipher;
import dev.scribe.writinganalysis.domain.ContentDecryptionException;
import dev.scribe.writinganalysis.domain.EncryptedColumn;
import dev.scribe.writinganalysis.domain.EncryptedColumnRepository;
import dev.scribe.writinganalysis.domain.EncryptedColumnRepository.StoredValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves encrypted values to the active master key after a rotation by re-wrapping their data keys.
 * The text ciphertext stays unchanged, so no plaintext is produced. A value whose key is no longer
 * in the keyring is logged with its row id and left as it is.
 */
@Service
public class KeyRotationJob {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationJob.class);

    /** Row ids named in the error line about values that cannot be re-wrapped. */
    private static final int MAX_LOGGED_ROW_IDS = 5;

    private final EncryptedColumnRepository columns;
    private final ContentCipher cipher;
    private final TransactionTemplate transactions;
    private final EncryptionProperties properties;

    public KeyRotationJob(
            EncryptedColumnRepository columns,
            ContentCipher cipher,
            PlatformTransactionManager transactionManager,
            EncryptionProperties properties) {
        this.columns = columns;
        this.cipher = cipher;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** Re-wraps every value under an old key and returns the re-wrapped count per column. */
    @Scheduled(
            initialDelayString = "${platform.encryption.rewrap-interval-ms:3600000}",
            fixedDelayString = "${platform.encryption.rewrap-interval-ms:3600000}")
    public Map<EncryptedColumn, Integer> rewrapAll() {
        Map<EncryptedColumn, Integer> rewrapped = new EnumMap<>(EncryptedColumn.class);
        for (EncryptedColumn column : EncryptedColumn.values()) {
            try {
                rewrapped.put(column, rewrapColumn(column));
            } catch (RuntimeException e) {
                log.error("Re-wrapping {} failed; retrying on the next run", column, e);
            }
        }
        if (rewrapped.values().stream().anyMatch(count -> count > 0)) {
            log.info("Re-wrapped data keys under key {}: {}", cipher.activeKeyId(), rewrapped);
        }
        return rewrapped;
    }

    private int rewrapColumn(EncryptedColumn column) {
        int total = 0;
        List<String> skipped = new ArrayList<>();
        String after = "";
        while (true) {
            List<StoredValue> batch =
                    columns.underOtherKeys(
                            column, cipher.activeKeyId(), after, properties.rewrapBatchSize());
            if (batch.isEmpty()) {
                break;
            }

            Integer moved = transactions.execute(status -> rewrapBatch(column, batch, skipped));
            total += moved == null ? 0 : moved;

            // Paging by row id passes over values that cannot be re-wrapped (their key is gone)
            // instead of selecting them again forever.
            after = batch.get(batch.size() - 1).rowId();
        }

        // One line per column and run, however many values fail.
        if (!skipped.isEmpty()) {
            log.error(
                    "Cannot re-wrap {} values of {}: their key is not configured or they fail"
                            + " authentication. First row ids: {}. Add the old key back to"
                            + " platform.encryption.keys to move them.",
                    skipped.size(),
                    column,
                    skipped.subList(0, Math.min(MAX_LOGGED_ROW_IDS, skipped.size())));
        }
        return total;
    }

    private int rewrapBatch(
            EncryptedColumn column, List<StoredValue> batch, List<String> skippedRowIds) {
        int moved = 0;
        for (StoredValue value : batch) {
            String rewrapped;
            try {
                rewrapped = cipher.rewrap(value.ciphertext(), column.context(value.rowId()));
            } catch (ContentDecryptionException e) {
                log.debug(
                        "Re-wrapping {} row {} failed: {}", column, value.rowId(), e.getMessage());
                skippedRowIds.add(value.rowId());
                continue;
            }
            if (columns.replace(
                    column, value.rowId(), value.keyId(), cipher.activeKeyId(), rewrapped)) {
                moved++;
            }
        }
        return moved;
    }
}
