package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.RouteAccess;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.TokenVerificationException;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.security.VerifiedTokenCache;
import dev.scribe.platform.web.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Verifies the bearer access token of a request and checks the caller's role against the route.
 *
 * <p>Successful verifications are cached for the token's lifetime (see {@link VerifiedTokenCache}),
 * because the ES256 check dominated the gateway's CPU time per request.
 *
 * <p>NOTE: the token version ({@code tv}) is not compared with the user's current version yet,
 * because identity offers no way to read it. Revoked tokens stay valid at the edge until they
 * expire.
 */
@Service
public class EdgeAuthenticator {

    /** The {@code Authorization} value: scheme {@code Bearer} and a token in b64token syntax. */
    private static final Pattern BEARER =
            Pattern.compile("(?i:Bearer) +([A-Za-z0-9\\-._~+/]+=*)\\s*");

    /** The maximum number of cached verifications. */
    static final int MAX_CACHED_TOKENS = 10_000;

    /** The maximum time a verification is reused, even when the token lives longer. */
    static final Duration MAX_CACHE_AGE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(EdgeAuthenticator.class);

    private final TokenVerifier verifier;
    private final MeterRegistry meterRegistry;
    private final VerifiedTokenCache verifiedTokens;

    public EdgeAuthenticator(TokenVerifier verifier, MeterRegistry meterRegistry, Clock clock) {
        this.verifier = verifier;
        this.meterRegistry = meterRegistry;
        this.verifiedTokens =
                new VerifiedTokenCache(
                        this::verifyUserToken, clock, MAX_CACHED_TOKENS, MAX_CACHE_AGE);
    }

    /**
     * Verifies the token in the {@code Authorization} values of a request.
     *
     * @return the caller's claims, or an error with {@link PlatformErrorException} ({@code
     *     UNAUTHENTICATED} or {@code FORBIDDEN})
     */
    public Mono<UserClaims> authenticate(
            List<String> authorizationValues, RouteAccess access, String correlationId) {
        if (authorizationValues == null || authorizationValues.isEmpty()) {
            countRejection("missing");
            return Mono.error(missingToken());
        }
        if (authorizationValues.size() > 1) {
            countRejection("malformed");
            log.atDebug()
                    .addKeyValue("correlationId", correlationId)
                    .log("Rejected request with more than one Authorization header");
            return Mono.error(invalidToken());
        }
        Matcher matcher = BEARER.matcher(authorizationValues.get(0));
        if (!matcher.matches()) {
            countRejection("malformed");
            log.atDebug()
                    .addKeyValue("correlationId", correlationId)
                    .log("Rejected request whose Authorization header is not a bearer token");
            return Mono.error(invalidToken());
        }
        String token = matcher.group(1);

        // The verifier may fetch a remote key set over blocking HTTP, which must not run on a
        // Netty event-loop thread.
        return Mono.fromCallable(() -> verify(token, correlationId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(claims -> checkRole(claims, access, correlationId));
    }

    private UserClaims verify(String token, String correlationId) {
        try {
            return verifiedTokens.verify(token).claims();
        } catch (TokenVerificationException e) {
            // The verifier's message names the failed check and never contains the token.
            countRejection("invalid");
            log.atDebug()
                    .addKeyValue("correlationId", correlationId)
                    .addKeyValue("reason", e.getMessage())
                    .log("Rejected request whose bearer token failed verification");
            throw invalidToken();
        }
    }

    /** Runs the full check on a cache miss. A rejected token is never cached. */
    private UserClaims verifyUserToken(String token) throws TokenVerificationException {
        UserClaims claims = verifier.verify(token);
        if (claims.role() == Role.SYSTEM) {
            // SYSTEM belongs to service identities and never appears in a user token.
            throw new TokenVerificationException("The token carries the SYSTEM role");
        }
        return claims;
    }

    private Mono<UserClaims> checkRole(
            UserClaims claims, RouteAccess access, String correlationId) {
        if (access.allows(claims.role())) {
            return Mono.just(claims);
        }
        countRejection("role");
        log.atDebug()
                .addKeyValue("correlationId", correlationId)
                .addKeyValue("role", claims.role())
                .log("Rejected request whose role the route does not allow");
        return Mono.error(
                new PlatformErrorException(
                        ErrorCode.FORBIDDEN, "Your role may not call this operation."));
    }

    /**
     * Counts a rejected request in {@code gateway.auth.rejections}. Rejections are logged at DEBUG
     * only, because any client can cause them in bulk. The counter shows their rate.
     */
    private void countRejection(String reason) {
        meterRegistry.counter("gateway.auth.rejections", "reason", reason).increment();
    }

    private static PlatformErrorException missingToken() {
        return new PlatformErrorException(
                ErrorCode.UNAUTHENTICATED,
                "The request has no bearer access token: send 'Authorization: Bearer <token>'.",
                List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"),
                null);
    }

    private static PlatformErrorException invalidToken() {
        return new PlatformErrorException(
                ErrorCode.UNAUTHENTICATED,
                "The bearer access token is invalid or expired: sign in again for a new token.",
                List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""),
                null);
    }
}
