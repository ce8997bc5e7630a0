package dev.scribe.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/** Key sets fetched from an issuer's JWKS URL. */
public final class RemoteKeySets {

    /** The maximum time a fetched key set is used before it is fetched again. */
    public static final Duration MAX_CACHE_AGE = Duration.ofMinutes(10);

    /** The minimum time between two fetches caused by an unknown key id. */
    public static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(30);

    /** Time limit of one key set request, for connecting and for reading. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    private RemoteKeySets() {}

    /**
     * Creates a key source over {@code jwksUri} that caches the set for at most 10 minutes and
     * fetches it again on an unknown key id, at most once per 30 seconds.
     *
     * @throws IllegalArgumentException when {@code jwksUri} is not a valid absolute URL
     */
    public static JWKSource<SecurityContext> cached(String jwksUri) {
        try {
            int timeoutMillis = (int) FETCH_TIMEOUT.toMillis();
            return JWKSourceBuilder.<SecurityContext>create(
                            URI.create(jwksUri).toURL(),
                            new com.nimbusds.jose.util.DefaultResourceRetriever(
                                    timeoutMillis, timeoutMillis, 512 * 1024))
                    .cache(MAX_CACHE_AGE.toMillis(), FETCH_TIMEOUT.toMillis())
                    .rateLimited(MIN_REFETCH_INTERVAL.toMillis())
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWKS URI: " + jwksUri, e);
        }
    }
}
