package dev.scribe.writinganalysis.api;

import dev.scribe.platform.security.TokenVerificationException;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.security.VerifiedTokenCache;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.config.PseudonymizationKey;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.domain.TokenVersions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request outside the open and service-only paths with the gateway's user
 * assertion ({@code X-User-Assertion}): the caller's id, role, institution and courses come from it
 * and from nothing else. A missing or invalid assertion gets 401 {@code UNAUTHENTICATED} with
 * {@code WWW-Authenticate: Bearer}, before the body is read; an assertion whose token version is
 * below the user's current version in the directory gets 401 {@code TOKEN_REVOKED}.
 *
 * <p>Successful signature checks are cached until the assertion expires, because the gateway reuses
 * one assertion per caller for up to 60 seconds. The token version check still runs on every
 * request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UserAssertionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UserAssertionFilter.class);

    static final String MESSAGE = "A valid user assertion is required.";

    /** MDC key of the caller's pseudonym, the field name that structured logs carry. */
    static final String MDC_ACTOR_PSEUDONYM = "actorPseudonym";

    static final String REVOKED_MESSAGE = "The token has been revoked; sign in again.";

    /** The maximum number of cached assertion verifications. */
    static final int MAX_CACHED_ASSERTIONS = 10_000;

    /** Assertions live at most 120 seconds, so this bound only guards against a longer lifetime. */
    static final Duration MAX_CACHE_AGE = Duration.ofMinutes(5);

    private final VerifiedTokenCache verifiedAssertions;
    private final TokenVersions tokenVersions;
    private final ErrorResponses errors;
    private final Pseudonymizer pseudonymizer;

    public UserAssertionFilter(
            TokenVerifier userAssertionVerifier,
            TokenVersions tokenVersions,
            ErrorResponses errors,
            PseudonymizationKey key,
            Clock clock) {
        this.verifiedAssertions =
                new VerifiedTokenCache(
                        userAssertionVerifier::verify, clock, MAX_CACHED_ASSERTIONS, MAX_CACHE_AGE);
        this.tokenVersions = tokenVersions;
        this.errors = errors;
        this.pseudonymizer = new Pseudonymizer(key.bytes());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = Routes.pathOf(request);
        return Routes.isOpen(path) || Routes.isServiceOnly(path);
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        UserClaims caller;
        try {
            caller = verifiedAssertions.verify(request.getHeader(UserAssertions.HEADER)).claims();
        } catch (TokenVerificationException e) {
            // The verifier's message names the failed check and never contains the token.
            log.info("Rejected a request without a valid user assertion: {}", e.getMessage());
            errors.write(request, response, ErrorCode.UNAUTHENTICATED, MESSAGE, List.of());
            return;
        }

        String actorPseudonym = pseudonymizer.pseudonym(caller.subject());
        Optional<Long> currentVersion;
        try {
            currentVersion = tokenVersions.currentVersion(caller.subject());
        } catch (DataAccessException e) {
            // Fail closed: without the current version a revoked token would pass as valid.
            log.warn("Token version check failed for actor {}", actorPseudonym, e);
            errors.write(
                    request,
                    response,
                    ErrorCode.UNAVAILABLE,
                    "The service cannot check the token right now; retry later.",
                    List.of());
            return;
        }
        if (currentVersion.isPresent() && caller.tokenVersion() < currentVersion.get()) {
            log.info(
                    "Rejected a revoked token of actor {} (version {} below {})",
                    actorPseudonym,
                    caller.tokenVersion(),
                    currentVersion.get());
            errors.write(request, response, ErrorCode.TOKEN_REVOKED, REVOKED_MESSAGE, List.of());
            return;
        }

        request.setAttribute(RequestAttributes.CALLER, caller);
        // Logs name the caller only by pseudonym, never by the raw user id.
        MDC.put(MDC_ACTOR_PSEUDONYM, actorPseudonym);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_ACTOR_PSEUDONYM);
        }
    }
}
