package dev.scribe.writinganalysis.core.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.audit.AuditHashing;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class AuditAccessToolTest {

    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00.000Z");
    private static final String EDUCATOR_PSEUDONYM =
            "47acb9c62bdcc83fc0b149c5b4ac8cea30da9d4f162310f61572cf84f9c92c82";
    private static final String STUDENT_PSEUDONYM =
            "b3933170f959ac32cca978b8ab7b00c5e8671fe17d284a89a3228d90405ed2df";

    private TestEngine t;
    private CallContext educator;
    private CallContext student;

    @BeforeEach
    void setUp() {
        t = TestEngine.at(NOW);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-7"));
        t.directory.enrol("student-42", "course-1", true);
        educator = TestEngine.context(TestEngine.caller("educator-7", Role.EDUCATOR, "inst-1"));
        student = TestEngine.context(TestEngine.caller("student-42", Role.STUDENT, "inst-1"));
    }

    private static ObjectNode access(
            String accessType, String dataType, String actor, String purpose, String courseId) {
        ObjectNode args = Json.object();
        args.put("accessType", accessType);
        args.put("dataType", dataType);
        args.put("userId", "student-42");
        args.put("accessedBy", actor);
        args.put("purpose", purpose);
        if (courseId != null) {
            args.putObject("educationalContext").put("courseId", courseId);
        }
        return args;
    }

    @Test
    void au1EducatorReadsReflection() {
        ToolResult result =
                t.invoke(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        educator,
                        access(
                                "read",
                                "reflection",
                                "educator-7",
                                "educational_feedback",
                                "course-1"));

        JsonNode output = result.output();
        assertThat(output.get("privacyFlags").toString())
                .isEqualTo("[\"sensitive_data\",\"educator_access\"]");
        assertThat(output.get("notificationTriggers").toString())
                .isEqualTo("[\"sensitive_access_by_other\",\"daily_first_access\"]");
        assertThat(output.get("notificationTriggered").booleanValue()).isTrue();
        assertThat(output.get("logged").booleanValue()).isTrue();
        assertThat(output.get("sequence").longValue()).isEqualTo(1);

        AuditEntry entry = t.auditTrail.all().get(0);
        assertThat(output.get("auditId").asString()).isEqualTo(entry.eventId());
        assertThat(output.get("immutableHash").asString()).isEqualTo(entry.entryHash());
        assertThat(AuditHashing.computeHash(entry)).isEqualTo(entry.entryHash());
        assertThat(entry.actorPseudonym()).isEqualTo(EDUCATOR_PSEUDONYM);
        assertThat(entry.subjectPseudonym()).isEqualTo(STUDENT_PSEUDONYM);
        assertThat(entry.category()).isEqualTo("data_access");
        assertThat(entry.legalBasis()).isEqualTo("legitimate_interest");
        assertThat(entry.privacyLevel()).isEqualTo("confidential");
        assertThat(entry.occurredAt()).isEqualTo(NOW);
        assertThat(entry.details().toString())
                .isEqualTo(
                        "{\"accessType\":\"read\",\"courseId\":\"course-1\",\"assignmentId\":null,"
                                + "\"errorCode\":null,\"privacyFlags\":[\"sensitive_data\","
                                + "\"educator_access\"],\"tier\":\"remote\"}");
        assertThat(t.events.types())
                .containsExactly(
                        "audit.logged", "audit.notification.required", "privacy.data.accessed");
    }

    @Test
    void au2StudentSharesOwnWriting() {
        ToolResult result =
                t.invoke(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        student,
                        access(
                                "share",
                                "writing_content",
                                "student-42",
                                "writing_improvement",
                                null));

        assertThat(result.output().get("privacyFlags").toString())
                .isEqualTo("[\"self_access\",\"data_sharing\"]");
        assertThat(result.output().get("notificationTriggers").toString())
                .isEqualTo("[\"data_shared\"]");
        assertThat(t.auditTrail.all().get(0).category()).isEqualTo("data_export");
    }

    @Test
    void dailyFirstAccessFiresOncePerLocalDay() {
        t.invoke(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                educator,
                access("read", "writing_content", "educator-7", "educational_feedback", null));
        t.clock.set(NOW.plusSeconds(60));

        ToolResult second =
                t.invoke(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        educator,
                        access(
                                "read",
                                "writing_content",
                                "educator-7",
                                "educational_feedback",
                                null));

        assertThat(second.output().get("notificationTriggers").toString()).isEqualTo("[]");
        assertThat(second.output().get("sequence").longValue()).isEqualTo(2);
    }

    @Test
    void ownAccessIgnoredForDailyFirst() {
        t.invoke(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                student,
                access("read", "writing_content", "student-42", "writing_improvement", null));
        t.clock.set(NOW.plusSeconds(60));

        ToolResult educatorAccess =
                t.invoke(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        educator,
                        access(
                                "read",
                                "writing_content",
                                "educator-7",
                                "educational_feedback",
                                null));

        assertThat(educatorAccess.output().get("notificationTriggers").toString())
                .isEqualTo("[\"daily_first_access\"]");
    }

    @Test
    void dayBoundaryFollowsInstitutionTimeZone() {
        // 10:00 UTC on 15 January is 23:00 in Tokyo; 16:00 UTC is already the next Tokyo day.
        t.directory.timeZone("inst-1", ZoneId.of("Asia/Tokyo"));
        t.invoke(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                educator,
                access("read", "writing_content", "educator-7", "educational_feedback", null));
        t.clock.set(Instant.parse("2025-01-15T16:00:00Z"));

        ToolResult nextDay =
                t.invoke(
                        Operation.AUDIT_WRITING_DATA_ACCESS,
                        educator,
                        access(
                                "read",
                                "writing_content",
                                "educator-7",
                                "educational_feedback",
                                null));

        assertThat(nextDay.output().get("notificationTriggers").toString())
                .isEqualTo("[\"daily_first_access\"]");
    }

    @Test
    void lateHourIsUnusual() {
        t.clock.set(Instant.parse("2025-01-15T23:30:00Z"));

        t.invoke(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                educator,
                access("read", "writing_content", "educator-7", "educational_feedback", null));

        assertThat(t.events.types())
                .contains("audit.suspicious.activity", "privacy.threshold.exceeded");
        assertThat(
                        t.events
                                .ofType("audit.suspicious.activity")
                                .get(0)
                                .payload()
                                .get("patterns")
                                .toString())
                .isEqualTo("[\"unusual_hours\"]");
    }

    @Test
    void fiftyOneEntriesAreRapidAccess() {
        for (int i = 0; i < 51; i++) {
            t.clock.set(NOW.plusSeconds(i));
            t.invoke(
                    Operation.AUDIT_WRITING_DATA_ACCESS,
                    educator,
                    access("read", "writing_content", "educator-7", "educational_feedback", null));
        }

        JsonNode last =
                t.events.ofType("audit.suspicious.activity").get(0).payload().get("patterns");
        assertThat(t.events.ofType("audit.suspicious.activity")).hasSize(1);
        assertThat(last.toString()).isEqualTo("[\"rapid_access\"]");
    }

    @Test
    void accessedByOtherThanCallerIsIdentityMismatch() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.AUDIT_WRITING_DATA_ACCESS,
                                        educator,
                                        access(
                                                "read",
                                                "reflection",
                                                "educator-8",
                                                "educational_feedback",
                                                null)));

        assertThat(error.code()).isEqualTo(ErrorCode.IDENTITY_MISMATCH);
        assertThat(error.field()).isEqualTo("accessedBy");
        assertThat(t.auditTrail.all()).hasSize(1);
        assertThat(t.auditTrail.all().get(0).category()).isEqualTo("authorization");
    }

    @Test
    void educatorWithoutRelationshipIsForbidden() {
        CallContext stranger =
                TestEngine.context(TestEngine.caller("educator-9", Role.EDUCATOR, "inst-1"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.AUDIT_WRITING_DATA_ACCESS,
                                        stranger,
                                        access(
                                                "read",
                                                "reflection",
                                                "educator-9",
                                                "educational_feedback",
                                                null)));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).isEqualTo("RELATIONSHIP_REQUIRED");
    }

    @Test
    void studentMayNotDeclareEducatorPurpose() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.AUDIT_WRITING_DATA_ACCESS,
                                        student,
                                        access(
                                                "read",
                                                "reflection",
                                                "student-42",
                                                "educational_feedback",
                                                null)));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(error.reason()).isEqualTo("PURPOSE_NOT_PERMITTED");
    }

    @Test
    void administratorOutsideInstitutionGetsNotFound() {
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-2"));

        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () ->
                                t.invoke(
                                        Operation.AUDIT_WRITING_DATA_ACCESS,
                                        admin,
                                        access(
                                                "read",
                                                "reflection",
                                                "admin-1",
                                                "privacy_compliance",
                                                null)));

        assertThat(error.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void administratorComplianceAccessHasLegalObligation() {
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        t.invoke(
                Operation.AUDIT_WRITING_DATA_ACCESS,
                admin,
                access("read", "Reflection", "admin-1", "privacy_compliance", null));

        AuditEntry entry = t.auditTrail.all().get(0);
        assertThat(entry.legalBasis()).isEqualTo("legal_obligation");
        assertThat(entry.resourceType()).isEqualTo("reflection");
    }

    @Test
    void chainVerificationAfterToolAppends() {
        for (int i = 0; i < 3; i++) {
            t.invoke(
                    Operation.AUDIT_WRITING_DATA_ACCESS,
                    student,
                    access("read", "writing_content", "student-42", "writing_improvement", null));
        }
        CallContext admin =
                TestEngine.context(TestEngine.caller("admin-1", Role.ADMINISTRATOR, "inst-1"));

        ToolResult result = t.invoke(Operation.VERIFY_AUDIT_CHAIN, admin, Json.object());

        assertThat(result.output().get("valid").booleanValue()).isTrue();
        assertThat(result.output().get("entriesChecked").longValue()).isEqualTo(3);
        assertThat(result.output().has("firstInvalidSeq")).isFalse();
    }

    @Test
    void chainVerificationIsForAdministratorsOnly() {
        ToolException error =
                catchThrowableOfType(
                        ToolException.class,
                        () -> t.invoke(Operation.VERIFY_AUDIT_CHAIN, educator, Json.object()));

        assertThat(error.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }
}
