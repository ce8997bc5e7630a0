package dev.scribe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reuse of successful token verifications until the token expires. */
class VerifiedTokenCacheTest {

    private static final String ISSUER = "test-issuer";
    private static final String AUDIENCE = "platform-api";
    private static final UserClaims STUDENT =
            new UserClaims("student-1", Role.STUDENT, "inst-1", List.of("course-1"), 1);

    private static final ECKey KEY = SigningKeys.generate("test-key");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final TokenVerifier verifier =
            TokenVerifier.forKeySet(SigningKeys.publicSet(KEY), ISSUER, AUDIENCE, clock);
    private final AtomicInteger verifications = new AtomicInteger();

    private VerifiedTokenCache cache(int maxEntries) {
        return new VerifiedTokenCache(
                token -> {
                    verifications.incrementAndGet();
                    return verifier.verify(token);
                },
                clock,
                maxEntries,
                Duration.ofMinutes(5));
    }

    private String token(ECKey key, Duration lifetime) {
        return new TokenIssuer(key, ISSUER, AUDIENCE, lifetime, Map.of(), clock).issue(STUDENT);
    }

    @Test
    void cacheHitSkipsSecondVerification() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token(KEY, Duration.ofMinutes(2));

        VerifiedTokenCache.VerifiedToken first = cache.verify(token);
        VerifiedTokenCache.VerifiedToken second = cache.verify(token);

        assertThat(verifications).hasValue(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.claims()).isEqualTo(STUDENT);
        assertThat(second.validUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void expiredCachedTokenIsRejected() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token(KEY, Duration.ofMinutes(2));
        cache.verify(token);

        // Past exp plus the verifier's 30-second clock skew, so only a stale cache would accept it.
        clock.advance(Duration.ofMinutes(2).plusSeconds(31));

        assertThatThrownBy(() -> cache.verify(token))
                .isInstanceOf(TokenVerificationException.class);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void cachedEntryEndsAtTokenExpiry() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token(KEY, Duration.ofMinutes(2));
        cache.verify(token);

        clock.advance(Duration.ofSeconds(119));
        cache.verify(token);
        assertThat(verifications).hasValue(1);

        // At exp the entry is stale: the verifier decides again and accepts within its skew.
        clock.advance(Duration.ofSeconds(1));
        cache.verify(token);
        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void cachedEntryEndsAfterMaxAge() throws Exception {
        VerifiedTokenCache cache = cache(10);
        String token = token(KEY, Duration.ofMinutes(15));
        cache.verify(token);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        cache.verify(token);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        cache.verify(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void failedTokenIsNotCached() {
        VerifiedTokenCache cache = cache(10);
        String foreign = token(SigningKeys.generate("foreign-key"), Duration.ofMinutes(2));

        assertThatThrownBy(() -> cache.verify(foreign))
                .isInstanceOf(TokenVerificationException.class);
        assertThatThrownBy(() -> cache.verify(foreign))
                .isInstanceOf(TokenVerificationException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void blankTokenIsRejected() {
        VerifiedTokenCache cache = cache(10);

        assertThatThrownBy(() -> cache.verify(" ")).isInstanceOf(TokenVerificationException.class);
        assertThat(verifications).hasValue(0);
    }

    @Test
    void leastRecentlyUsedEntryIsEvicted() throws Exception {
        VerifiedTokenCache cache = cache(1);
        String first = token(KEY, Duration.ofMinutes(2));
        String second = token(KEY, Duration.ofMinutes(3));

        cache.verify(first);
        cache.verify(second);
        cache.verify(first);

        assertThat(verifications).hasValue(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    /** A clock that tests move forward by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test clock has a fixed zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
