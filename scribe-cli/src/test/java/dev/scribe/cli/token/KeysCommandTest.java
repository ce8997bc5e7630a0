package dev.scribe.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.platform.security.SigningKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final KeysCommand command =
            new KeysCommand(new PrintStream(out, true, StandardCharsets.UTF_8));

    @Test
    void createsBothKeysWithTheirIds() {
        Path keys = dir.resolve("run/keys");

        int status = command.run(List.of("--dir", keys.toString()));

        assertThat(status).isZero();
        ECKey issuer = SigningKeys.readPrivate(keys.resolve("user-token-issuer.jwk"));
        ECKey gateway = SigningKeys.readPrivate(keys.resolve("gateway-assertion.jwk"));
        assertThat(issuer.getKeyID()).isEqualTo("dev-user-issuer-1");
        assertThat(issuer.getCurve()).isEqualTo(Curve.P_256);
        assertThat(gateway.getKeyID()).isEqualTo("gateway-assertion-1");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("created").doesNotContain("kept");
    }

    @Test
    void secondRunKeepsExistingKeys() throws Exception {
        command.run(List.of("--dir", dir.toString()));
        String issuerBefore = Files.readString(dir.resolve("user-token-issuer.jwk"));
        String gatewayBefore = Files.readString(dir.resolve("gateway-assertion.jwk"));
        out.reset();

        int status = command.run(List.of("--dir", dir.toString()));

        assertThat(status).isZero();
        assertThat(Files.readString(dir.resolve("user-token-issuer.jwk"))).isEqualTo(issuerBefore);
        assertThat(Files.readString(dir.resolve("gateway-assertion.jwk"))).isEqualTo(gatewayBefore);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("kept").doesNotContain("created");
    }

    @Test
    void createsOwnerOnlySecretsAndKeepsThem() throws Exception {
        command.run(List.of("--dir", dir.toString()));
        Path password = dir.resolve("demo-password");
        Path gatewaySecret = dir.resolve("client-gateway.secret");
        Path serviceSecret = dir.resolve("client-writing-analysis.secret");
        String passwordBefore = Files.readString(password);

        command.run(List.of("--dir", dir.toString()));

        assertThat(passwordBefore.strip()).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(Files.readString(gatewaySecret).strip()).hasSize(43);
        assertThat(Files.readString(serviceSecret).strip())
                .hasSize(43)
                .isNotEqualTo(Files.readString(gatewaySecret).strip());
        assertThat(Files.readString(password)).isEqualTo(passwordBefore);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");
    }
}
