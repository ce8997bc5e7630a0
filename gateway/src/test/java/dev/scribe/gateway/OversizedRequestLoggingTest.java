package dev.scribe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A request that the HTTP server rejects while decoding (header or request line too large) is
 * logged without its path or query, because the path can contain a user id.
 */
@ExtendWith(OutputCaptureExtension.class)
class OversizedRequestLoggingTest extends GatewayTestSupport {

    private static final String USER_ID = "student-demo";

    @Test
    void oversizedHeaderIsLoggedWithoutPath(CapturedOutput output) throws IOException {
        String request =
                "GET /api/writing-analysis/progress/"
                        + USER_ID
                        + "?student="
                        + USER_ID
                        + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n"
                        + "X-Padding: "
                        + "a".repeat(9 * 1024)
                        + "\r\n\r\n";

        String statusLine = send(request);

        assertThat(statusLine).startsWith("HTTP/1.1 431");
        assertThat(output.getOut()).contains("Decoding failed");
        assertThat(output.getOut()).doesNotContain(USER_ID);
        assertThat(output.getOut()).doesNotContain("/api/writing-analysis/progress");
    }

    @Test
    void overlongRequestLineIsLoggedWithoutPath(CapturedOutput output) throws IOException {
        String request =
                "GET /api/writing-analysis/progress/"
                        + USER_ID
                        + "?padding="
                        + "a".repeat(9 * 1024)
                        + " HTTP/1.1\r\n"
                        + "Host: 127.0.0.1\r\n\r\n";

        String statusLine = send(request);

        assertThat(statusLine).startsWith("HTTP/1.1 414");
        assertThat(output.getOut()).contains("Decoding failed");
        assertThat(output.getOut()).doesNotContain(USER_ID);
        assertThat(output.getOut()).doesNotContain("/api/writing-analysis/progress");
    }

    /** Sends a raw HTTP/1.1 request and returns the status line of the response. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int next = in.read(); next != -1 && next != '\r'; next = in.read()) {
                statusLine.append((char) next);
            }
            return statusLine.toString();
        }
    }
}
