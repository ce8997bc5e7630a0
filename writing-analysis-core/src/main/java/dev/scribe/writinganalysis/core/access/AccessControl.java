package dev.scribe.writinganalysis.core.access;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.port.ConsentDecision;
import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.port.ConsentSource;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The access rules: who may call which operation about whom, with which purpose and consent.
 * Everything not allowed is denied. Denials are audited and published through {@link Denials}
 * before they are thrown; an unreachable directory or consent store refuses the request with {@code
 * UNAVAILABLE} and never allows it.
 */
public final class AccessControl {

    /** Minimum length of an administrator's break-glass justification, in characters. */
    public static final int MIN_JUSTIFICATION_LENGTH = 20;

    /**
     * Age below which only a guardian's consent counts, unless the institution sets a higher one.
     */
    public static final int DEFAULT_GUARDIAN_CONSENT_AGE = 13;

    private static final int MAX_GUARDIAN_CONSENT_AGE = 18;

    private static final Set<Operation> BREAK_GLASS_OPERATIONS =
            Set.of(
                    Operation.ANALYZE_WRITING_PATTERNS,
                    Operation.EVALUATE_REFLECTION_QUALITY,
                    Operation.APPLY_AI_BOUNDARIES,
                    Operation.READ_WRITING_PROGRESS,
                    Operation.GENERATE_WRITING_INSIGHTS);

    private final EngineConfig config;
    private final CourseDirectory directory;
    private final ConsentStore consents;
    private final Clock clock;
    private final Denials denials;

    public AccessControl(
            EngineConfig config,
            CourseDirectory directory,
            ConsentStore consents,
            Clock clock,
            Denials denials) {
        this.config = config;
        this.directory = directory;
        this.consents = consents;
        this.clock = clock;
        this.denials = denials;
    }

    public Denials denials() {
        return denials;
    }

    /**
     * Checks an identity field of the body against the caller.
     *
     * @throws ToolException {@code IDENTITY_MISMATCH}, after auditing it
     */
    public void requireIdentity(
            CallContext context, AccessRequest request, String field, boolean matches) {
        if (!matches) {
            throw denials.record(context, request, ToolException.identityMismatch(field));
        }
    }

    /** Checks the compatibility {@code role} field: when present it must name the caller's role. */
    public void requireRoleField(CallContext context, AccessRequest request, String roleField) {
        if (roleField == null) {
            return;
        }
        boolean matches =
                Role.fromToolName(roleField).map(r -> r == context.caller().role()).orElse(false);
        requireIdentity(context, request, "role", matches);
    }

    /** Allows operations open to every role (classification, purpose validation). */
    public void authorizeAnyRole(CallContext context, AccessRequest request) {
        if (context.caller().role() == Role.SYSTEM) {
            requireSystemAllowList(context, request);
        }
    }

    /** Allows chain verification to administrators only. */
    public void authorizeAdministrator(CallContext context, AccessRequest request) {
        if (context.caller().role() != Role.ADMINISTRATOR) {
            throw deny(context, request, "ROLE_NOT_PERMITTED");
        }
    }

    /**
     * Applies the role, purpose and relationship rules for an operation about one student.
     *
     * @return how access was granted
     */
    public SubjectGrant authorizeSubject(CallContext context, AccessRequest request) {
        Caller caller = context.caller();
        Operation operation = request.operation();
        String subjectId = request.subjectId();
        boolean self = caller.id().equals(subjectId);
        boolean writeOnlyBySubject = operation == Operation.TRACK_WRITING_PROGRESS;

        switch (caller.role()) {
            case SYSTEM -> {
                requireSystemAllowList(context, request);
                checkPurpose(context, request, false, false);
                return new SubjectGrant(false, false);
            }
            case RESEARCHER -> throw deny(context, request, "ROLE_NOT_PERMITTED");
            case STUDENT -> {
                checkPurpose(context, request, self, false);
                if (!self) {
                    throw deny(context, request, "RELATIONSHIP_REQUIRED");
                }
                return new SubjectGrant(true, false);
            }
            case EDUCATOR -> {
                if (writeOnlyBySubject) {
                    throw deny(context, request, "ROLE_NOT_PERMITTED");
                }
                checkPurpose(context, request, self, false);
                boolean teaches =
                        guardDirectory(
                                () ->
                                        directory.teaches(
                                                caller.id(),
                                                caller.institutionId(),
                                                subjectId,
                                                today()));
                if (!teaches) {
                    throw deny(context, request, "RELATIONSHIP_REQUIRED");
                }
                return new SubjectGrant(false, false);
            }
            case ADMINISTRATOR -> {
                if (writeOnlyBySubject) {
                    throw deny(context, request, "ROLE_NOT_PERMITTED");
                }
                checkPurpose(context, request, self, false);
                Optional<String> institution =
                        guardDirectory(() -> directory.institutionOfStudent(subjectId));
                if (institution.isEmpty() || !institution.get().equals(caller.institutionId())) {
                    throw denials.record(context, request, ToolException.notFound("subject"));
                }
                boolean breakGlass = BREAK_GLASS_OPERATIONS.contains(operation);
                if (breakGlass && !justified(context.accessJustification())) {
                    throw deny(context, request, "JUSTIFICATION_REQUIRED");
                }
                return new SubjectGrant(false, breakGlass);
            }
            default -> throw deny(context, request, "ROLE_NOT_PERMITTED");
        }
    }

    /**
     * Applies the role, purpose and relationship rules for class or cohort insights.
     *
     * @param cohort true for a cohort target, false for a course
     */
    public void authorizeAggregate(
            CallContext context, AccessRequest request, String targetId, boolean cohort) {
        Caller caller = context.caller();
        switch (caller.role()) {
            case STUDENT -> throw deny(context, request, "ROLE_NOT_PERMITTED");
            case SYSTEM -> {
                requireSystemAllowList(context, request);
                checkPurpose(context, request, false, true);
            }
            case EDUCATOR -> {
                if (cohort) {
                    throw deny(context, request, "ROLE_NOT_PERMITTED");
                }
                checkPurpose(context, request, false, true);
                Optional<Course> course = guardDirectory(() -> directory.course(targetId));
                boolean teaches =
                        course.isPresent()
                                && course.get().institutionId().equals(caller.institutionId())
                                && course.get().educatorIds().contains(caller.id());
                if (!teaches) {
                    throw deny(context, request, "RELATIONSHIP_REQUIRED");
                }
            }
            case ADMINISTRATOR -> {
                checkPurpose(context, request, false, true);
                if (!ownInstitution(caller, targetId, cohort)) {
                    throw denials.record(context, request, ToolException.notFound("targetId"));
                }
            }
            case RESEARCHER -> {
                checkPurpose(context, request, false, true);
                if (!ownInstitution(caller, targetId, cohort)) {
                    throw deny(context, request, "RELATIONSHIP_REQUIRED");
                }
            }
            default -> throw deny(context, request, "ROLE_NOT_PERMITTED");
        }
    }

    private boolean ownInstitution(Caller caller, String targetId, boolean cohort) {
        Optional<String> institution =
                cohort
                        ? guardDirectory(() -> directory.institutionOfCohort(targetId))
                        : guardDirectory(
                                () -> directory.course(targetId).map(Course::institutionId));
        return institution.isPresent() && institution.get().equals(caller.institutionId());
    }

    /**
     * Requires the subject's stored consent for {@code consentPurpose}; denies with {@code
     * CONSENT_REQUIRED} when it is absent, refused, withdrawn, expired or, for a minor, not given
     * by a guardian.
     */
    public void requireConsent(CallContext context, AccessRequest request, String consentPurpose) {
        Optional<String> failure = consentFailure(request.subjectId(), consentPurpose);
        if (failure.isPresent()) {
            throw denials.record(
                    context,
                    request,
                    ToolException.consentRequired(consentPurpose, failure.get()),
                    failure.get(),
                    List.of(consentPurpose));
        }
    }

    /** Returns whether the subject's stored consent covers {@code consentPurpose}. */
    public boolean hasConsent(String subjectId, String consentPurpose) {
        return consentFailure(subjectId, consentPurpose).isEmpty();
    }

    /**
     * Empty when consent is valid, else the verification result: {@code insufficient}, {@code
     * withdrawn} or {@code expired}.
     */
    private Optional<String> consentFailure(String subjectId, String consentPurpose) {
        ConsentSnapshot snapshot;
        try {
            snapshot = consents.consents(subjectId, Set.of(consentPurpose));
        } catch (RuntimeException e) {
            throw ToolException.unavailable("CONSENT_UNAVAILABLE");
        }
        Optional<ConsentDecision> found = snapshot.decision(consentPurpose);
        if (found.isEmpty() || !found.get().granted()) {
            return Optional.of("insufficient");
        }
        ConsentDecision decision = found.get();
        if (decision.withdrawn()) {
            return Optional.of("withdrawn");
        }
        Instant now = clock.instant();
        if (decision.expiresAt() != null && !decision.expiresAt().isAfter(now)) {
            return Optional.of("expired");
        }
        if (snapshot.subjectAge() != null
                && snapshot.subjectAge() < guardianConsentAge(subjectId)
                && decision.source() != ConsentSource.GUARDIAN) {
            return Optional.of("insufficient");
        }
        return Optional.empty();
    }

    private int guardianConsentAge(String subjectId) {
        Optional<String> institution =
                guardDirectory(() -> directory.institutionOfStudent(subjectId));
        if (institution.isEmpty()) {
            return DEFAULT_GUARDIAN_CONSENT_AGE;
        }
        OptionalInt configured =
                guardDirectory(() -> directory.guardianConsentAge(institution.get()));
        int age = configured.orElse(DEFAULT_GUARDIAN_CONSENT_AGE);
        return Math.max(DEFAULT_GUARDIAN_CONSENT_AGE, Math.min(MAX_GUARDIAN_CONSENT_AGE, age));
    }

    /**
     * Checks that the declared purpose may be used by the caller's role in this operation.
     *
     * @param self the caller is the subject
     * @param aggregateInsights the call requests class or cohort insights
     */
    private void checkPurpose(
            CallContext context, AccessRequest request, boolean self, boolean aggregateInsights) {
        PurposeCode purpose = request.purpose();
        if (purpose == null) {
            return;
        }
        boolean permitted =
                purpose.declarableBy(context.caller().role())
                        && switch (purpose.restriction()) {
                            case NONE -> true;
                            case AGGREGATE_INSIGHTS_ONLY -> aggregateInsights;
                            case SELF_ACCESS_ONLY -> self;
                            case AUDIT_ONLY ->
                                    request.operation() == Operation.AUDIT_WRITING_DATA_ACCESS;
                        };
        if (!permitted) {
            throw deny(context, request, "PURPOSE_NOT_PERMITTED");
        }
    }

    private void requireSystemAllowList(CallContext context, AccessRequest request) {
        if (!config.systemToolAllowList().contains(request.operation())) {
            throw deny(context, request, "SYSTEM_NOT_ALLOW_LISTED");
        }
    }

    private ToolException deny(CallContext context, AccessRequest request, String reason) {
        return denials.record(context, request, ToolException.forbidden(reason));
    }

    private static boolean justified(String justification) {
        return justification != null && justification.strip().length() >= MIN_JUSTIFICATION_LENGTH;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Runs a directory read; any failure refuses the request with {@code UNAVAILABLE}. */
    public <T> T guardDirectory(Supplier<T> read) {
        try {
            return Objects.requireNonNull(read.get());
        } catch (ToolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ToolException.unavailable("DIRECTORY_UNAVAILABLE");
        }
    }
}
