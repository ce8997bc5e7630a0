package dev.scribe.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * ES256 signing keys kept as JWK files. A private key file contains one EC P-256 JWK, and the
 * public key set derived from it is what verifiers load.
 */
public final class SigningKeys {

    private SigningKeys() {}

    /** Generates a new EC P-256 signing key with the given key id. */
    public static ECKey generate(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }

    /**
     * Reads the private key in {@code file}, or generates one and writes it there (owner-readable
     * only) when the file does not exist yet.
     */
    public static ECKey loadOrCreate(Path file, String keyId) {
        if (Files.exists(file)) {
            return readPrivate(file);
        }
        ECKey key = generate(keyId);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            setOwnerOnly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write key file " + file, e);
        }
        return key;
    }

    /** Reads a private EC key from a JWK file. */
    public static ECKey readPrivate(Path file) {
        try {
            JWK jwk = JWK.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!(jwk instanceof ECKey ecKey) || !ecKey.isPrivate()) {
                throw new IllegalArgumentException(
                        "Key file " + file + " contains no private EC key");
            }
            return ecKey;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Key file " + file + " is not a valid JWK", e);
        }
    }

    /**
     * Reads a key set for verification from a file that contains either one JWK or a JWK set, and
     * drops private parts.
     */
    public static JWKSet readPublicSet(Path file) {
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            JWKSet set =
                    json.contains("\"keys\"")
                            ? JWKSet.parse(json)
                            : new JWKSet(List.of(JWK.parse(json)));
            return set.toPublicJWKSet();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Key file " + file + " is not a valid JWK", e);
        }
    }

    /** Returns the public key set of the given keys. */
    public static JWKSet publicSet(JWK... keys) {
        List<JWK> publicKeys = new ArrayList<>();
        for (JWK key : keys) {
            publicKeys.add(key.toPublicJWK());
        }
        return new JWKSet(publicKeys);
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // NOTE: on file systems without POSIX permissions the key file keeps default access.
        }
    }
}
