package dev.scribe.platform.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fetches service tokens from identity with the OAuth 2.0 {@code client_credentials} grant and
 * caches them per audience and scope. A cached token is used until 80 % of its lifetime has passed;
 * then one caller renews it while the others keep using it, up to 95 % of its lifetime.
 *
 * <p>At most one request per audience and scope is in flight. Without that, every request that
 * arrived after the renewal point sent its own token request; identity checks each client secret
 * with a deliberately slow hash, so under load it saturated, the token requests timed out, and
 * every request of the platform failed with them. After a failed token request, callers without a
 * usable token fail at once for {@link #RETRY_PAUSE} instead of queueing more requests.
 *
 * <p>The token and the client secret never appear in messages or {@link #toString()}.
 */
public final class ServiceTokenClient {

    /** Share of a token's lifetime after which it is renewed. */
    static final double RENEW_AT = 0.8;

    /** Share of a token's lifetime up to which it is still sent while a renewal is pending. */
    static final double USABLE_UNTIL = 0.95;

    /** How long a failed token request makes callers without a usable token fail fast. */
    static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** The token for one audience and scope, when to renew it and until when to send it. */
    private record CachedToken(String value, Instant renewAt, Instant usableUntil) {}

    /** The last failed token request of one audience and scope. */
    private record Failure(Instant at, ServiceTokenException error) {}

    private final URI tokenUri;
    private final String clientId;
    private final String basicCredentials;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> fetchLocks = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    /**
     * @param tokenUri identity's token endpoint, such as {@code http://127.0.0.1:8090/oauth2/token}
     * @param clientId this service's client id
     * @param clientSecret this service's client secret
     * @param timeout time limit for connecting and for the whole token request
     */
    public ServiceTokenClient(
            URI tokenUri, String clientId, String clientSecret, Duration timeout, Clock clock) {
        this.tokenUri = Objects.requireNonNull(tokenUri, "tokenUri");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        // RFC 6749 section 2.3.1: both parts are form-encoded before the Basic encoding.
        String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
        this.basicCredentials =
                Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * Returns the cached token for {@code audience} and {@code scope} while it needs no renewal.
     */
    public Optional<String> cachedToken(String audience, String scope) {
        CachedToken cached = cache.get(key(audience, scope));
        if (cached == null || !clock.instant().isBefore(cached.renewAt())) {
            return Optional.empty();
        }
        return Optional.of(cached.value());
    }

    /**
     * Returns a token for {@code audience} with {@code scope}, from the cache or from identity.
     * This call blocks for up to the timeout when it fetches.
     *
     * @throws ServiceTokenException when identity cannot be reached or rejects the request
     */
    public String token(String audience, String scope) throws ServiceTokenException {
        String key = key(audience, scope);
        CachedToken cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.value();
        }

        ReentrantLock lock = fetchLocks.computeIfAbsent(key, k -> new ReentrantLock());
        if (usable(cached)) {
            // Another caller is renewing, or a renewal just failed; the current token is still
            // valid meanwhile.
            if (recentlyFailed(key) || !lock.tryLock()) {
                return cached.value();
            }
            try {
                return renew(audience, scope, key).value();
            } catch (ServiceTokenException e) {
                return cached.value();
            } finally {
                lock.unlock();
            }
        }

        lock.lock();
        try {
            // The caller that held the lock may have fetched a token or just failed.
            CachedToken current = cache.get(key);
            if (usable(current)) {
                return current.value();
            }
            Failure failure = failures.get(key);
            if (recentlyFailed(key)) {
                throw new ServiceTokenException(
                        "The last token request of client "
                                + clientId
                                + " for audience "
                                + audience
                                + " failed moments ago: "
                                + failure.error().getMessage(),
                        failure.error());
            }
            return renew(audience, scope, key).value();
        } finally {
            lock.unlock();
        }
    }

    private boolean recentlyFailed(String key) {
        Failure failure = failures.get(key);
        return failure != null && clock.instant().isBefore(failure.at().plus(RETRY_PAUSE));
    }

    private boolean usable(CachedToken token) {
        return token != null && clock.instant().isBefore(token.usableUntil());
    }

    /** Fetches a token and caches it; the caller holds the key's lock. */
    private CachedToken renew(String audience, String scope, String key)
            throws ServiceTokenException {
        Instant requestedAt = clock.instant();
        try {
            Map<String, Object> response = requestToken(audience, scope);
            String value = stringField(response, "access_token");
            long lifetimeMs = longField(response, "expires_in") * 1000;
            CachedToken token =
                    new CachedToken(
                            value,
                            requestedAt.plusMillis((long) (lifetimeMs * RENEW_AT)),
                            requestedAt.plusMillis((long) (lifetimeMs * USABLE_UNTIL)));
            cache.put(key, token);
            failures.remove(key);
            return token;
        } catch (ServiceTokenException e) {
            failures.put(key, new Failure(clock.instant(), e));
            throw e;
        }
    }

    private Map<String, Object> requestToken(String audience, String scope)
            throws ServiceTokenException {
        String form =
                "grant_type=client_credentials&scope="
                        + formEncode(scope)
                        + "&audience="
                        + formEncode(audience);
        HttpRequest request =
                HttpRequest.newBuilder(tokenUri)
                        .timeout(timeout)
                        .header("Authorization", "Basic " + basicCredentials)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();

        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceTokenException(
                    "The token request of client " + clientId + " to " + tokenUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceTokenException(
                    "The token request of client " + clientId + " was interrupted", e);
        }

        if (response.statusCode() != 200) {
            // The OAuth error code is safe to report; the body contains no token on failure.
            throw new ServiceTokenException(
                    "Identity rejected the token request of client "
                            + clientId
                            + " for audience "
                            + audience
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + errorCodeOf(response.body()));
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new ServiceTokenException("The token response of identity is not JSON", e);
        }
    }

    private static String errorCodeOf(String body) {
        try {
            String error = JSONObjectUtils.getString(JSONObjectUtils.parse(body), "error");
            return error == null ? "(no OAuth error code)" : error;
        } catch (ParseException e) {
            return "(no OAuth error body)";
        }
    }

    private static String stringField(Map<String, Object> json, String name)
            throws ServiceTokenException {
        if (json.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new ServiceTokenException("The token response lacks " + name);
    }

    private static long longField(Map<String, Object> json, String name)
            throws ServiceTokenException {
        if (json.get(name) instanceof Number value && value.longValue() > 0) {
            return value.longValue();
        }
        throw new ServiceTokenException("The token response lacks a positive " + name);
    }

    private static String key(String audience, String scope) {
        return audience + " " + scope;
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ServiceTokenClient[clientId=" + clientId + ", tokenUri=" + tokenUri + "]";
    }
}
