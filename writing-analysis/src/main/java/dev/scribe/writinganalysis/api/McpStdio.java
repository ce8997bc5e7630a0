package dev.scribe.writinganalysis.api;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the service as an MCP server on stdin and stdout ({@code --transport=stdio}), without a
 * web server. stdout carries protocol messages only: {@code System.out} is redirected to stderr
 * before Spring starts, so logs, the banner and any stray print go to stderr, and only the SDK
 * transport writes to the real stdout.
 */
public final class McpStdio {

    /** Command-line flag that selects stdio mode. */
    public static final String FLAG = "--transport=stdio";

    /** Environment variable with the caller's user assertion. */
    public static final String TOKEN_VARIABLE = "WRITING_ANALYSIS_STDIO_TOKEN";

    private McpStdio() {}

    /** Streams of the protocol and the signal that the client closed stdin. */
    public record Streams(InputStream in, OutputStream out, CountDownLatch inputClosed) {}

    /** Returns whether the command line selects stdio mode. */
    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    /**
     * Runs the application in stdio mode until the client closes stdin, then stops it and exits the
     * JVM with Spring's exit code.
     */
    public static void run(Class<?> application, String[] args) throws InterruptedException {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);

        CountDownLatch inputClosed = new CountDownLatch(1);
        InputStream protocolIn =
                new EndSignallingInputStream(new FileInputStream(FileDescriptor.in), inputClosed);
        Streams streams = new Streams(protocolIn, protocolOut, inputClosed);

        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(
                Map.of(
                        "eureka.client.enabled", "false",
                        "spring.cloud.discovery.enabled", "false"));
        app.addInitializers(
                context -> context.getBeanFactory().registerSingleton("mcpStdioStreams", streams));
        ConfigurableApplicationContext context = app.run(args);

        inputClosed.await();
        System.exit(SpringApplication.exit(context));
    }

    /** Counts down {@code closed} once the wrapped stream reports its end. */
    private static final class EndSignallingInputStream extends FilterInputStream {

        private final CountDownLatch closed;

        EndSignallingInputStream(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return signalEnd(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return signalEnd(super.read(buffer, offset, length));
        }

        private int signalEnd(int result) {
            if (result < 0) {
                closed.countDown();
            }
            return result;
        }
    }
}
