package dev.scribe.writinganalysis.api.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code Host} check of the MCP endpoint, the DNS-rebinding protection: a request that reaches
 * the loopback port under a foreign host name gets 403 before authentication and before the
 * protocol. The requests are written by hand on a socket, because the JDK HTTP client does not let
 * a caller set {@code Host}.
 */
class McpHostCheckTest extends ServiceTestSupport {

    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"host-test\",\"version\":\"1\"}}}";

    @ParameterizedTest(name = "Host {0} -> {1}")
    @CsvSource({
        "rebind.attacker.invalid:PORT, 403",
        "rebind.attacker.invalid, 403",
        "localhost.attacker.invalid:PORT, 403",
        "127.0.0.1:PORT, 200",
        "localhost:PORT, 200",
        "localhost, 200"
    })
    void hostHeader_isCheckedAgainstAllowList(String host, int expectedStatus) throws IOException {
        String response = postInitialize(host.replace("PORT", String.valueOf(port)));

        assertThat(statusOf(response)).isEqualTo(expectedStatus);
        if (expectedStatus == 403) {
            assertThat(response).contains("\"code\":\"FORBIDDEN\"");
            assertThat(response).contains("platform.mcp.allowed-hosts");
            assertThat(response).doesNotContain("jsonrpc");
        }
    }

    private String postInitialize(String host) throws IOException {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        StringBuilder request =
                new StringBuilder()
                        .append("POST /mcp HTTP/1.1\r\n")
                        .append("Host: ")
                        .append(host)
                        .append("\r\n")
                        .append("Content-Type: application/json\r\n")
                        .append("Accept: application/json, text/event-stream\r\n")
                        .append("Content-Length: ")
                        .append(body.length)
                        .append("\r\n")
                        .append("Connection: close\r\n");
        Map<String, String> headers =
                headersWithAssertion(
                        TestAssertions.shared().assertionFor(TestAssertions.demoStudent()));
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String response) {
        // Status line: HTTP/1.1 403 ...
        return Integer.parseInt(response.substring(9, 12));
    }
}
