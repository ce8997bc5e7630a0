package dev.scribe.identity.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyConfigTest {

    @TempDir Path dir;

    @Test
    void missingFileOutsideEmbeddedProfileStopsStart() {
        Path missing = dir.resolve("identity-signing.jwk");

        assertThatThrownBy(() -> SigningKeyConfig.loadSigningKey(missing, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void unsetFileStopsStart() {
        assertThatThrownBy(() -> SigningKeyConfig.loadSigningKey(null, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signing-key-file is not set");
    }

    @Test
    void embeddedProfileGeneratesThenReusesKey() {
        Path file = dir.resolve("keys/identity-signing.jwk");

        ECKey generated = SigningKeyConfig.loadSigningKey(file, true);
        ECKey reread = SigningKeyConfig.loadSigningKey(file, false);

        assertThat(generated.isPrivate()).isTrue();
        assertThat(reread.toPublicJWK()).isEqualTo(generated.toPublicJWK());
    }
}
