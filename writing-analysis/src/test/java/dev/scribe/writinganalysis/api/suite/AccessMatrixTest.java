package dev.scribe.writinganalysis.api.suite;

import static dev.scribe.writinganalysis.api.suite.AccessMatrixTest.Expect.CONSENT;
import static dev.scribe.writinganalysis.api.suite.AccessMatrixTest.Expect.DENIED;
import static dev.scribe.writinganalysis.api.suite.AccessMatrixTest.Expect.JUSTIFY;
import static dev.scribe.writinganalysis.api.suite.AccessMatrixTest.Expect.NOT_FOUND;
import static dev.scribe.writinganalysis.api.suite.AccessMatrixTest.Expect.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.security.UserClaims;
import dev.scribe.writinganalysis.PersonalDataCanaries;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may call which tool about whom, over HTTP and over MCP Streamable HTTP: every caller kind
 * against every relationship and every tool, with the outcome the access rules require. Also the
 * forged, expired, misaddressed, revoked and missing credentials, which both interfaces must reject
 * with 401 before any tool or protocol handling.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends ServiceTestSupport {

    /** Expected outcome of one call. */
    enum Expect {
        /**
         * The tool runs and returns its output (which may still say "not allowed", as 2.7 does).
         */
        OK,
        /** {@code FORBIDDEN}: role, relationship or purpose denies the call. */
        DENIED,
        /** {@code FORBIDDEN} with detail {@code JUSTIFICATION_REQUIRED}: break-glass access. */
        JUSTIFY,
        /** {@code NOT_FOUND}: an administrator's subject outside the institution or unknown. */
        NOT_FOUND,
        /** {@code CONSENT_REQUIRED}: the subject's stored consent does not cover the call. */
        CONSENT
    }

    enum CallerKind {
        STUDENT,
        EDUCATOR,
        ADMIN,
        /** An administrator with a break-glass justification of at least 20 characters. */
        ADMIN_JUSTIFIED,
        RESEARCHER
    }

    /** The subject of the call, seen from the caller. */
    enum Relationship {
        SELF,
        /** Another student of the caller's course. */
        PEER,
        /** A student of a course the caller teaches. */
        TAUGHT,
        /**
         * A taught student who has not granted {@code ai_analysis} or {@code progress_tracking}.
         */
        TAUGHT_NO_CONSENT,
        /** A student of the caller's institution. */
        OWN_INSTITUTION,
        /** A student of another course of the caller's institution. */
        OTHER_COURSE,
        OTHER_INSTITUTION,
        /** A student id that the directory does not hold. */
        UNKNOWN
    }

    /** Tool order of the table columns. */
    static final List<String> TOOLS =
            List.of(
                    ToolBehaviourSuite.PATTERNS,
                    ToolBehaviourSuite.REFLECTION,
                    ToolBehaviourSuite.PROGRESS,
                    ToolBehaviourSuite.INSIGHTS,
                    ToolBehaviourSuite.CLASSIFY,
                    ToolBehaviourSuite.VALIDATE,
                    ToolBehaviourSuite.AI_BOUNDARIES,
                    ToolBehaviourSuite.AUDIT);

    /**
     * The access table, one row per caller and relationship, one column per tool ("insights" is the
     * individual scope). Classification and purpose validation are open to every role. An
     * administrator gets NOT_FOUND for a student outside the institution whether or not the student
     * exists; every other caller gets FORBIDDEN, so that existence is never revealed. A text block
     * keeps the table readable, because the formatter would break a list of calls into one argument
     * per line.
     */
    static final String TABLE =
            """
            caller          | subject           | patterns  | reflection | progress | insights  | classify | validate | ai        | audit
            STUDENT         | SELF              | OK        | OK         | OK       | OK        | OK       | OK       | OK        | OK
            STUDENT         | PEER              | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            STUDENT         | OTHER_INSTITUTION | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            STUDENT         | UNKNOWN           | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            EDUCATOR        | TAUGHT            | OK        | OK         | DENIED   | OK        | OK       | OK       | OK        | OK
            EDUCATOR        | TAUGHT_NO_CONSENT | CONSENT   | CONSENT    | DENIED   | CONSENT   | OK       | OK       | CONSENT   | OK
            EDUCATOR        | OTHER_COURSE      | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            EDUCATOR        | OTHER_INSTITUTION | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            EDUCATOR        | UNKNOWN           | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            ADMIN           | OWN_INSTITUTION   | JUSTIFY   | JUSTIFY    | DENIED   | JUSTIFY   | OK       | OK       | JUSTIFY   | OK
            ADMIN           | OTHER_INSTITUTION | NOT_FOUND | NOT_FOUND  | DENIED   | NOT_FOUND | OK       | OK       | NOT_FOUND | NOT_FOUND
            ADMIN_JUSTIFIED | OWN_INSTITUTION   | OK        | OK         | DENIED   | OK        | OK       | OK       | OK        | OK
            ADMIN_JUSTIFIED | OTHER_INSTITUTION | NOT_FOUND | NOT_FOUND  | DENIED   | NOT_FOUND | OK       | OK       | NOT_FOUND | NOT_FOUND
            ADMIN_JUSTIFIED | UNKNOWN           | NOT_FOUND | NOT_FOUND  | DENIED   | NOT_FOUND | OK       | OK       | NOT_FOUND | NOT_FOUND
            RESEARCHER      | OWN_INSTITUTION   | DENIED    | DENIED     | DENIED   | DENIED    | OK       | OK       | DENIED    | DENIED
            """;

    record Row(CallerKind caller, Relationship subject, List<Expect> expected) {}

    /** Parses {@link #TABLE}, checking that every row has one cell per tool. */
    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        List<String> lines = TABLE.lines().skip(1).toList();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            assertThat(cells).as("cells of row %s", line).hasSize(2 + TOOLS.size());
            List<Expect> expected = new ArrayList<>();
            for (int i = 2; i < cells.length; i++) {
                expected.add(Expect.valueOf(cells[i].strip()));
            }
            rows.add(
                    new Row(
                            CallerKind.valueOf(cells[0].strip()),
                            Relationship.valueOf(cells[1].strip()),
                            expected));
        }
        return rows;
    }

    static final String JUSTIFICATION = "Investigating a reported fault in the grading system.";

    @Autowired DataSource dataSource;

    private final ToolWorld world = new ToolWorld();
    private final Map<String, ToolClient> clients = new java.util.LinkedHashMap<>();
    private UserClaims revokedCaller;

    @BeforeAll
    void seedAndConnect() {
        world.seed(dataSource);

        // The peer's current token version becomes 2, so an assertion with version 1 is revoked.
        JdbcClient.create(dataSource)
                .sql("UPDATE directory_user SET token_version = 2 WHERE id = ?")
                .param(world.peer.subject())
                .update();
        revokedCaller = world.peer;

        clients.put("HTTP", new HttpToolClient(port));
        clients.put("MCP", McpToolClient.overHttp(port));
    }

    @AfterAll
    void disconnect() {
        clients.values().forEach(ToolClient::close);
    }

    // ---------------------------------------------------------------- the matrix

    Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (String interfaceName : List.of("HTTP", "MCP")) {
            for (Row row : rows()) {
                for (int i = 0; i < TOOLS.size(); i++) {
                    cases.add(
                            Arguments.of(
                                    interfaceName,
                                    row.caller(),
                                    row.subject(),
                                    TOOLS.get(i),
                                    row.expected().get(i)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1} about {2}, {3} -> {4}")
    @MethodSource("matrix")
    void accessFollowsTable(
            String interfaceName,
            CallerKind callerKind,
            Relationship relationship,
            String tool,
            Expect expected) {
        UserClaims caller = callerOf(callerKind);
        String subjectId = subjectOf(callerKind, relationship);
        String justification = callerKind == CallerKind.ADMIN_JUSTIFIED ? JUSTIFICATION : null;

        ToolOutcome outcome =
                clients.get(interfaceName)
                        .call(tool, caller, justification, argumentsFor(tool, caller, subjectId));

        switch (expected) {
            case OK -> assertThat(outcome.ok()).as("call succeeds: %s", outcome).isTrue();
            case DENIED -> assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
            case JUSTIFY -> {
                assertThat(outcome.errorCode()).isEqualTo("FORBIDDEN");
                assertThat(outcome.problem()).contains("JUSTIFICATION_REQUIRED");
            }
            case NOT_FOUND -> assertThat(outcome.errorCode()).isEqualTo("NOT_FOUND");
            case CONSENT -> assertThat(outcome.errorCode()).isEqualTo("CONSENT_REQUIRED");
        }
    }

    private UserClaims callerOf(CallerKind kind) {
        return switch (kind) {
            case STUDENT -> world.student;
            case EDUCATOR -> world.educator;
            case ADMIN, ADMIN_JUSTIFIED -> world.administrator;
            case RESEARCHER -> world.researcher;
        };
    }

    private String subjectOf(CallerKind caller, Relationship relationship) {
        return switch (relationship) {
            case SELF -> callerOf(caller).subject();
            case PEER, TAUGHT, OWN_INSTITUTION ->
                    caller == CallerKind.STUDENT ? world.peer.subject() : world.student.subject();
            case TAUGHT_NO_CONSENT -> world.noConsentStudent.subject();
            case OTHER_COURSE -> world.otherCourseStudent.subject();
            case OTHER_INSTITUTION -> world.otherInstitutionStudent.subject();
            case UNKNOWN -> world.unknownStudentId;
        };
    }

    /** Returns valid arguments of {@code tool} about {@code subjectId}, with canary content. */
    static String argumentsFor(String tool, UserClaims caller, String subjectId) {
        String role = caller.role().name().toLowerCase(Locale.ROOT);
        String purpose =
                switch (caller.role()) {
                    case STUDENT -> "writing_improvement";
                    case RESEARCHER -> "research";
                    default -> "educational_feedback";
                };
        return switch (tool) {
            case ToolBehaviourSuite.PATTERNS ->
                    """
                    {"content":"%s","userId":"%s","purpose":"%s"}
                    """
                            .formatted(PersonalDataCanaries.TEXT, subjectId, purpose);
            case ToolBehaviourSuite.REFLECTION ->
                    """
                    {"reflection":"%s","userId":"%s","purpose":"%s"}
                    """
                            .formatted(PersonalDataCanaries.TEXT, subjectId, purpose);
            case ToolBehaviourSuite.PROGRESS ->
                    """
                    {"userId":"%s","sessionId":"%s","purpose":"%s",
                     "metrics":{"wordCount":120,"timeSpent":600}}
                    """
                            .formatted(
                                    subjectId,
                                    "session-" + UUID.randomUUID(),
                                    caller.role().name().equals("STUDENT")
                                            ? "student_progress_tracking"
                                            : purpose);
            case ToolBehaviourSuite.INSIGHTS ->
                    """
                    {"scope":"individual","targetId":"%s","timeframe":"week","purpose":"%s"}
                    """
                            .formatted(subjectId, purpose);
            case ToolBehaviourSuite.CLASSIFY ->
                    "{\"content\":\"" + PersonalDataCanaries.TEXT + "\"}";
            case ToolBehaviourSuite.VALIDATE ->
                    """
                    {"purpose":"Support %s with timely feedback on learning","requestedData":["progress_metrics"],
                     "requesterRole":"%s","targetUsers":["%s"]}
                    """
                            .formatted(PersonalDataCanaries.NAME, role, subjectId);
            case ToolBehaviourSuite.AI_BOUNDARIES ->
                    """
                    {"request":{"prompt":"Can you help me understand this paragraph? %s",
                     "requestType":"explanation"},"studentContext":{"studentId":"%s"}}
                    """
                            .formatted(PersonalDataCanaries.TEXT, subjectId);
            case ToolBehaviourSuite.AUDIT ->
                    """
                    {"accessType":"read","dataType":"writing_content","userId":"%s",
                     "accessedBy":"%s","purpose":"%s"}
                    """
                            .formatted(
                                    subjectId,
                                    caller.subject(),
                                    caller.role().name().equals("ADMINISTRATOR")
                                            ? "privacy_compliance"
                                            : purpose);
            default -> throw new IllegalArgumentException("Unknown tool " + tool);
        };
    }

    // ---------------------------------------------------------------- credentials

    enum Forgery {
        SIGNED_BY_UNKNOWN_KEY(claims -> TestAssertions.shared().forgedAssertionFor(claims)),
        ALGORITHM_NONE(claims -> TestAssertions.shared().unsignedAssertionFor(claims)),
        HS256_WITH_PUBLIC_KEY(
                claims -> TestAssertions.shared().hmacWithPublicKeyAssertionFor(claims)),
        EXPIRED(
                claims ->
                        TestAssertions.shared().expiredAssertionFor(claims, Duration.ofMinutes(5))),
        WRONG_AUDIENCE(
                claims -> TestAssertions.shared().assertionWithAudience(claims, "platform-api")),
        WRONG_ISSUER(claims -> TestAssertions.shared().assertionWithIssuer(claims, "identity")),
        MALFORMED(claims -> "not.a.token"),
        MISSING(claims -> null);

        final Function<UserClaims, String> assertion;

        Forgery(Function<UserClaims, String> assertion) {
            this.assertion = assertion;
        }
    }

    Stream<Arguments> forgeries() {
        return Stream.of("HTTP", "MCP")
                .flatMap(name -> Stream.of(Forgery.values()).map(f -> Arguments.of(name, f)));
    }

    @ParameterizedTest(name = "{0}: {1} -> 401")
    @MethodSource("forgeries")
    void badCredentials_are401BeforeAnyTool(String interfaceName, Forgery forgery) {
        HttpResponse<String> response =
                sendWithAssertion(interfaceName, forgery.assertion.apply(world.student));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).path("success").asBoolean(true)).isFalse();
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(body(response).has("jsonrpc")).as("no protocol message").isFalse();
    }

    @ParameterizedTest(name = "{0}: lowered token version -> 401 TOKEN_REVOKED")
    @MethodSource("interfaces")
    void revokedTokenVersion_is401(String interfaceName) {
        HttpResponse<String> response =
                sendWithAssertion(
                        interfaceName, TestAssertions.shared().assertionFor(revokedCaller));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("TOKEN_REVOKED");
    }

    Stream<String> interfaces() {
        return Stream.of("HTTP", "MCP");
    }

    /**
     * Sends a classification over HTTP, or an MCP {@code initialize} to {@code /mcp}, with the
     * given assertion (none when null).
     */
    private HttpResponse<String> sendWithAssertion(String interfaceName, String assertion) {
        boolean mcp = interfaceName.equals("MCP");
        String body =
                mcp
                        ? """
                          {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
                           "capabilities":{},"clientInfo":{"name":"matrix","version":"1"}}}
                          """
                        : "{\"content\":\"" + PersonalDataCanaries.TEXT + "\"}";
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(mcp ? "/mcp" : HttpToolClient.PREFIX + "/sensitivity"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        headersWithAssertion(assertion).forEach(builder::header);
        return send(builder.build());
    }
}
