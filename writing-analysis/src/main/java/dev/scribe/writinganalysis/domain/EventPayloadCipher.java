package dev.scribe.writinganalysis.domain;

import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encrypts the payload of confidential events (events about one student) before they enter the
 * outbox, and decrypts it for consumers that hold the master key. The encrypted payload is an
 * object {@code {alg, keyId, wrappedKey, nonce, ciphertext, tag}} with Base64 binary fields, bound
 * to the event id, and the envelope gets {@code encrypted: true} and {@code keyId}.
 */
@Component
public class EventPayloadCipher {

    static final String ALGORITHM = "AES-256-GCM";

    /** Encryption context prefix; the event id completes it. */
    static final String CONTEXT = "outbox_event.payload:";

    private final ContentCipher cipher;

    public EventPayloadCipher(ContentCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * Replaces the payload of a confidential, not yet encrypted envelope by its encrypted form.
     * Other envelopes stay as they are.
     */
    public void encryptIfConfidential(ObjectNode envelope) {
        if (!"confidential".equals(envelope.path("privacyLevel").asString(""))
                || envelope.path("encrypted").asBoolean(false)) {
            return;
        }

        String eventId = envelope.path("eventId").asString();
        ContentCipher.Sealed sealed =
                cipher.seal(envelope.path("payload").toString(), CONTEXT + eventId);
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode payload = envelope.objectNode();
        payload.put("alg", ALGORITHM);
        payload.put("keyId", sealed.keyId());
        payload.put("wrappedKey", base64.encodeToString(sealed.wrappedKey()));
        payload.put("nonce", base64.encodeToString(sealed.nonce()));
        payload.put("ciphertext", base64.encodeToString(sealed.ciphertext()));
        payload.put("tag", base64.encodeToString(sealed.tag()));

        envelope.set("payload", payload);
        envelope.put("encrypted", true);
        envelope.put("keyId", sealed.keyId());
    }

    /**
     * Returns the plaintext payload of an envelope: the decrypted one when {@code encrypted} is
     * true, else the payload as it is.
     *
     * @throws ContentDecryptionException when the payload was altered, belongs to another event, or
     *     its key is not configured
     */
    public JsonNode payload(JsonNode envelope) {
        if (!envelope.path("encrypted").asBoolean(false)) {
            return envelope.path("payload");
        }

        String context = CONTEXT + envelope.path("eventId").asString();
        JsonNode payload = envelope.path("payload");
        if (!ALGORITHM.equals(payload.path("alg").asString(""))) {
            throw new ContentDecryptionException(
                    "Decryption of "
                            + context
                            + " failed: alg is '"
                            + payload.path("alg").asString("")
                            + "', expected "
                            + ALGORITHM);
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            ContentCipher.Sealed sealed =
                    new ContentCipher.Sealed(
                            payload.path("keyId").asString(""),
                            base64.decode(payload.path("wrappedKey").asString("")),
                            base64.decode(payload.path("nonce").asString("")),
                            base64.decode(payload.path("ciphertext").asString("")),
                            base64.decode(payload.path("tag").asString("")));
            return StoredJson.read(cipher.open(sealed, context));
        } catch (IllegalArgumentException e) {
            throw new ContentDecryptionException(
                    "Decryption of " + context + " failed: a field is not valid Base64", e);
        }
    }
}
