package dev.scribe.gateway.service;

import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reuses the signed user assertion of identical {@link UserClaims} for a short time, so the gateway
 * does not sign a new ES256 assertion on every request.
 *
 * <p>Assertions live 120 seconds and one is reused for at most {@link #MAX_REUSE}, so a forwarded
 * assertion has at least 60 seconds left. Any changed claim (role, courses, token version) is a
 * different key and gets a new assertion. The map keeps the {@code maxEntries} most recently used
 * assertions.
 */
public final class UserAssertionCache {

    /** The maximum time one signed assertion is reused. */
    public static final Duration MAX_REUSE = Duration.ofSeconds(60);

    private record SignedAssertion(String assertion, Instant signedAt) {}

    private final TokenIssuer issuer;
    private final Clock clock;
    private final Map<UserClaims, SignedAssertion> entries;

    public UserAssertionCache(TokenIssuer issuer, Clock clock, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException(
                    "maxEntries must be at least 1, but is " + maxEntries);
        }
        this.issuer = issuer;
        this.clock = clock;
        this.entries =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(
                            Map.Entry<UserClaims, SignedAssertion> eldest) {
                        return size() > maxEntries;
                    }
                };
    }

    /** Returns a signed assertion for {@code claims}, signing a new one when none is reusable. */
    public String assertionFor(UserClaims claims) {
        Instant now = clock.instant();

        synchronized (entries) {
            SignedAssertion cached = entries.get(claims);
            if (cached != null && isReusable(cached, now)) {
                return cached.assertion();
            }
        }

        String assertion = issuer.issue(claims);
        synchronized (entries) {
            entries.put(claims, new SignedAssertion(assertion, now));
        }
        return assertion;
    }

    /**
     * Rejects an entry signed 60 seconds ago or more, or one from the future after a clock step.
     */
    private static boolean isReusable(SignedAssertion cached, Instant now) {
        Duration age = Duration.between(cached.signedAt(), now);
        return !age.isNegative() && age.compareTo(MAX_REUSE) < 0;
    }
}
