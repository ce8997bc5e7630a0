package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the body rules of the API before any controller runs: a body must be UTF-8 JSON ({@code
 * Content-Type: application/json}, else 400 {@code INVALID_ARGUMENT}) of at most 1 MiB (else 413
 * {@code PAYLOAD_TOO_LARGE}). The limit is checked on {@code Content-Length} and again on the bytes
 * actually received, because a chunked body announces no length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RequestBodyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyFilter.class);

    /** Largest accepted request body in bytes (1 MiB). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ErrorResponses errors;

    public RequestBodyFilter(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Routes.isOpen(Routes.pathOf(request));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }

        long declaredLength = request.getContentLengthLong();
        if (declaredLength > MAX_BODY_BYTES) {
            rejectTooLarge(request, response, declaredLength);
            return;
        }

        String contentTypeProblem = contentTypeProblem(request.getContentType());
        if (contentTypeProblem != null) {
            log.debug("Rejected a request body: {}", contentTypeProblem);
            errors.write(
                    request,
                    response,
                    ErrorCode.INVALID_ARGUMENT,
                    "The request body must be JSON sent as Content-Type application/json.",
                    List.of(new ErrorDetail(HttpHeaders.CONTENT_TYPE, contentTypeProblem)));
            return;
        }

        byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            rejectTooLarge(request, response, body.length);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Tells whether the request announces a body: a positive length or a chunked transfer. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0
                || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Returns what is wrong with the content type, or null when it is UTF-8 JSON. */
    private static String contentTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "missing; expected application/json";
        }

        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "malformed media type; expected application/json";
        }
        if (!MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType)) {
            return "unsupported media type "
                    + mediaType.getType()
                    + "/"
                    + mediaType.getSubtype()
                    + "; expected application/json";
        }

        Charset charset;
        try {
            charset = mediaType.getCharset();
        } catch (IllegalArgumentException e) {
            return "unknown charset; expected UTF-8";
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return "charset " + charset.name() + " is not supported; expected UTF-8";
        }
        return null;
    }

    private void rejectTooLarge(
            HttpServletRequest request, HttpServletResponse response, long length)
            throws IOException {
        log.info(
                "Rejected a request body of at least {} bytes over the limit of {} bytes",
                length,
                MAX_BODY_BYTES);
        errors.write(
                request,
                response,
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of 1 MiB.",
                List.of(
                        new ErrorDetail(
                                "body",
                                "maxBytes " + MAX_BODY_BYTES + ", got at least " + length)));
    }

    /** Reads up to {@code limit} bytes, so that an oversized stream is never held whole. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int total = 0;
        while (total < limit) {
            int read = in.read(buffer, 0, Math.min(buffer.length, limit - total));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }
}
