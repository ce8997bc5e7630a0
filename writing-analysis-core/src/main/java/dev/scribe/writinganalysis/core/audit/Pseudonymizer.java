package dev.scribe.writinganalysis.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of user and record ids: the lowercase hex HMAC-SHA-256 of the UTF-8 id, all 64
 * characters. The same function serves actors, subjects, records and events, so one person's
 * entries link across the platform without revealing the id.
 */
public final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("the pseudonymisation key must not be empty");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** Pseudonym of {@code id}, or null when {@code id} is null. */
    public String pseudonym(String id) {
        if (id == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(key, id.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
