package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reuse of signed user assertions for identical claims. */
class UserAssertionCacheTest {

    private static final UserClaims STUDENT =
            new UserClaims("student-1", Role.STUDENT, "inst-1", List.of("course-1"), 1);

    private static final ECKey KEY = SigningKeys.generate("gateway-test");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final UserAssertionCache cache =
            new UserAssertionCache(TokenIssuer.userAssertions(KEY, clock), clock, 10);

    @Test
    void assertionIsReusedWithinSixtySeconds() throws Exception {
        String first = cache.assertionFor(STUDENT);

        clock.advance(Duration.ofSeconds(59));
        String reused = cache.assertionFor(STUDENT);

        assertThat(reused).isEqualTo(first);
        Instant expiry = SignedJWT.parse(reused).getJWTClaimsSet().getExpirationTime().toInstant();
        assertThat(Duration.between(clock.instant(), expiry))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        TokenVerifier verifier = TokenVerifier.userAssertions(SigningKeys.publicSet(KEY), clock);
        assertThat(verifier.verify(reused)).isEqualTo(STUDENT);
    }

    @Test
    void assertionIsResignedAfterSixtySeconds() {
        String first = cache.assertionFor(STUDENT);

        clock.advance(Duration.ofSeconds(60));
        String next = cache.assertionFor(STUDENT);

        assertThat(next).isNotEqualTo(first);
        assertThat(cache.assertionFor(STUDENT)).isEqualTo(next);
    }

    @Test
    void changedClaimGetsNewAssertion() {
        String student = cache.assertionFor(STUDENT);

        UserClaims educator =
                new UserClaims("student-1", Role.EDUCATOR, "inst-1", List.of("course-1"), 1);
        UserClaims otherCourses =
                new UserClaims("student-1", Role.STUDENT, "inst-1", List.of("course-2"), 1);
        UserClaims newerVersion =
                new UserClaims("student-1", Role.STUDENT, "inst-1", List.of("course-1"), 2);

        assertThat(cache.assertionFor(educator)).isNotEqualTo(student);
        assertThat(cache.assertionFor(otherCourses)).isNotEqualTo(student);
        assertThat(cache.assertionFor(newerVersion)).isNotEqualTo(student);
        assertThat(cache.assertionFor(STUDENT)).isEqualTo(student);
    }
}
