package dev.scribe.writinganalysis.service;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.writinganalysis.config.PseudonymizationKey;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.domain.IdempotencyRepository;
import dev.scribe.writinganalysis.domain.IdempotencyRepository.StoredRequest;
import dev.scribe.writinganalysis.domain.StoredJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs engine operations, each in one database transaction, and records their duration and outcome.
 * A {@link ToolException} commits the transaction, because a denial has written its audit entry and
 * events by then and nothing else; any other exception rolls it back.
 */
@Service
public class ToolInvoker {

    private static final Logger log = LoggerFactory.getLogger(ToolInvoker.class);

    /** Notice added to a response that repeats a stored one. */
    public static final String IDEMPOTENT_REPLAY = "IDEMPOTENT_REPLAY";

    /** How long an idempotency key is honoured. */
    static final Duration IDEMPOTENCY_RETENTION = Duration.ofDays(7);

    /** Accepted idempotency keys: 1 to 255 visible ASCII characters. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final String OUTCOME_SUCCESS = "success";

    private final WritingAnalysisEngine engine;
    private final PlatformTransactionManager transactionManager;
    private final IdempotencyRepository idempotency;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final MeterRegistry meters;

    public ToolInvoker(
            WritingAnalysisEngine engine,
            PlatformTransactionManager transactionManager,
            IdempotencyRepository idempotency,
            PseudonymizationKey key,
            Clock clock,
            MeterRegistry meters) {
        this.engine = engine;
        this.transactionManager = transactionManager;
        this.idempotency = idempotency;
        this.pseudonymizer = new Pseudonymizer(key.bytes());
        this.clock = clock;
        this.meters = meters;
    }

    /** Runs the operation in its own transaction. */
    public ToolResult invoke(Operation operation, CallContext context, JsonNode arguments) {
        return measured(
                operation,
                () -> inTransaction(operation, () -> engine.invoke(operation, context, arguments)));
    }

    /**
     * Runs the operation once per idempotency key: a repeat with the same body returns the stored
     * response with the notice {@code IDEMPOTENT_REPLAY}, a repeat with another body fails with
     * {@code CONFLICT}. Only successful responses are stored; keys are honoured for 7 days.
     */
    public ToolResult invokeIdempotent(
            Operation operation, CallContext context, JsonNode arguments, String idempotencyKey) {
        if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new ServiceException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The Idempotency-Key header is invalid.",
                    List.of(
                            new ErrorDetail(
                                    "Idempotency-Key",
                                    "must be 1 to 255 visible ASCII characters; length "
                                            + idempotencyKey.length())));
        }
        String caller = pseudonymizer.pseudonym(context.caller().id());
        String requestHash = requestHash(operation, arguments);

        return measured(
                operation,
                () ->
                        inTransaction(
                                operation,
                                () -> {
                                    Instant now = clock.instant();
                                    Instant notBefore = now.minus(IDEMPOTENCY_RETENTION);
                                    Optional<StoredRequest> stored =
                                            idempotency.find(
                                                    idempotencyKey,
                                                    caller,
                                                    operation.toolName(),
                                                    notBefore);
                                    if (stored.isPresent()) {
                                        return replay(stored.get(), requestHash);
                                    }

                                    ToolResult result =
                                            engine.invoke(operation, context, arguments);
                                    try {
                                        idempotency.save(
                                                idempotencyKey,
                                                caller,
                                                operation.toolName(),
                                                requestHash,
                                                toStored(result),
                                                now,
                                                notBefore);
                                    } catch (DuplicateKeyException e) {
                                        // The concurrent request won; this one's work rolls back.
                                        throw new ServiceException(
                                                ErrorCode.CONFLICT,
                                                "A request with this idempotency key is already being processed.",
                                                List.of(
                                                        new ErrorDetail(
                                                                "Idempotency-Key",
                                                                "concurrent use")));
                                    }
                                    return result;
                                }));
    }

    /** Deletes idempotency keys older than 7 days, once an hour. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    public void deleteExpiredIdempotencyKeys() {
        try {
            int deleted = idempotency.deleteOlderThan(clock.instant().minus(IDEMPOTENCY_RETENTION));
            log.debug("Deleted {} expired idempotency keys", deleted);
        } catch (RuntimeException e) {
            log.warn("Deleting expired idempotency keys failed; retrying in an hour", e);
        }
    }

    private ToolResult replay(StoredRequest stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw new ServiceException(
                    ErrorCode.CONFLICT,
                    "The idempotency key was already used with another request body.",
                    List.of(new ErrorDetail("Idempotency-Key", "reused with another body")));
        }

        JsonNode response = stored.response();
        List<String> notices = new ArrayList<>();
        response.path("notices").forEach(notice -> notices.add(notice.asString()));
        notices.add(IDEMPOTENT_REPLAY);
        return new ToolResult(response.path("output"), notices);
    }

    private static JsonNode toStored(ToolResult result) {
        ObjectNode stored = Json.object();
        stored.set("output", result.output());
        ArrayNode notices = stored.putArray("notices");
        result.notices().forEach(notices::add);
        return stored;
    }

    /** SHA-256 over the operation and the RFC 8785 canonical form of the body. */
    static String requestHash(Operation operation, JsonNode arguments) {
        try {
            String canonical =
                    new JsonCanonicalizer(StoredJson.write(arguments)).getEncodedString();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.toolName().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            digest.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot canonicalize the request body", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Runs {@code work} in one transaction whose timeout is the operation's deadline. A tool error
     * commits, because a denial's audit entry and events must survive; only {@code UNAVAILABLE}
     * rolls back, since the database itself may have failed and a commit would fail too.
     */
    private ToolResult inTransaction(
            Operation operation, java.util.function.Supplier<ToolResult> work) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        transaction.setTimeout((int) deadlineOf(operation).toSeconds());
        Outcome outcome =
                transaction.execute(
                        status -> {
                            try {
                                return new Outcome(work.get(), null);
                            } catch (ToolException e) {
                                if (e.code() == ErrorCode.UNAVAILABLE) {
                                    status.setRollbackOnly();
                                }
                                return new Outcome(null, e);
                            }
                        });
        if (outcome == null) {
            throw new IllegalStateException("The transaction returned no outcome");
        }
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.result();
    }

    /**
     * Returns the deadline of the operation: 10 s for insights, 5 s for every other tool. The
     * deadline bounds the database work through the transaction timeout.
     */
    static Duration deadlineOf(Operation operation) {
        return operation == Operation.GENERATE_WRITING_INSIGHTS
                ? Duration.ofSeconds(10)
                : Duration.ofSeconds(5);
    }

    private ToolResult measured(Operation operation, java.util.function.Supplier<ToolResult> work) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = ErrorCode.INTERNAL.name();
        try {
            ToolResult result = work.get();
            outcome = OUTCOME_SUCCESS;
            return result;
        } catch (ToolException e) {
            outcome = e.code().name();
            throw e;
        } catch (ServiceException e) {
            outcome = e.code().name();
            throw e;
        } catch (TransactionTimedOutException e) {
            outcome = ErrorCode.DEADLINE_EXCEEDED.name();
            throw e;
        } catch (TransactionException | DataAccessException e) {
            outcome = ErrorCode.UNAVAILABLE.name();
            throw e;
        } finally {
            sample.stop(
                    Timer.builder("writing_analysis_tool_duration")
                            .description("Duration of engine operations, validation included")
                            .tag("tool", operation.toolName())
                            .register(meters));
            Counter.builder("writing_analysis_tool_outcomes")
                    .description("Engine operations by outcome: success or the error code")
                    .tag("tool", operation.toolName())
                    .tag("outcome", outcome)
                    .register(meters)
                    .increment();
        }
    }

    private record Outcome(@Nullable ToolResult result, @Nullable ToolException failure) {}
}
