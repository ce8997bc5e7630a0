package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.core.audit.AuditHashing;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.BudgetBalance;
import dev.scribe.writinganalysis.core.port.ChainHead;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.port.ConsentSource;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import dev.scribe.writinganalysis.core.port.Course;
import dev.scribe.writinganalysis.core.port.CourseDirectory;
import dev.scribe.writinganalysis.core.port.DimensionScores;
import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.DpQueryKey;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.core.port.PrivacyBudgetLedger;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JDBC ports against the migrated schema and the demo data. Each test uses fresh ids, so the
 * tests are independent of each other and of earlier runs on the same database.
 */
class StorageContractTest extends ServiceTestSupport {

    @Autowired CourseDirectory directory;
    @Autowired ConsentStore consents;
    @Autowired WritingSessionStore sessions;
    @Autowired ReflectionStore reflections;
    @Autowired AuditTrailStore auditTrail;
    @Autowired PrivacyBudgetLedger budgets;
    @Autowired DpAnswerCache dpAnswers;
    @Autowired EventPublisher events;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void directory_readsDemoCourse() {
        Optional<Course> course = directory.course("course-demo-101");

        assertThat(course).isPresent();
        assertThat(course.get().institutionId()).isEqualTo("inst-demo");
        assertThat(course.get().educatorIds()).containsExactly("educator-demo");
        assertThat(course.get().endDate()).isNull();
        assertThat(directory.activeStudentsOfCourse("course-demo-101"))
                .containsExactlyInAnyOrder(
                        "student-demo",
                        "student-demo-2",
                        "student-demo-3",
                        "student-demo-4",
                        "student-demo-5",
                        "student-demo-6");
        assertThat(directory.institutionOfStudent("student-demo")).hasValue("inst-demo");
        assertThat(directory.institutionOfStudent("educator-demo")).isEmpty();
        assertThat(directory.course("no-such-course")).isEmpty();
    }

    @Test
    void directory_appliesTeachingRule() {
        LocalDate today = LocalDate.of(2026, 12, 4);

        assertThat(directory.teaches("educator-demo", "inst-demo", "student-demo", today)).isTrue();
        assertThat(directory.teaches("educator-demo", "other-inst", "student-demo", today))
                .isFalse();
        assertThat(directory.teaches("admin-demo", "inst-demo", "student-demo", today)).isFalse();
    }

    @Test
    void directory_endsTeachingNinetyDaysAfterCourseEnd() {
        String courseId = "course-" + UUID.randomUUID();
        String studentId = "student-" + UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO course (id, institution_id, title, status, end_date) VALUES"
                                + " (:id, 'inst-demo', 'Ended course', 'ended', :end)")
                .param("id", courseId)
                .param("end", LocalDate.of(2026, 1, 31))
                .update();
        jdbc.sql(
                        "INSERT INTO directory_user (id, institution_id, role) VALUES (:id,"
                                + " 'inst-demo', 'STUDENT')")
                .param("id", studentId)
                .update();
        jdbc.sql(
                        "INSERT INTO course_instructor (course_id, educator_id) VALUES (:course,"
                                + " 'educator-demo')")
                .param("course", courseId)
                .update();
        jdbc.sql(
                        "INSERT INTO enrolment (course_id, student_id, status, enrolled_at) VALUES"
                                + " (:course, :student, 'active', :at)")
                .param("course", courseId)
                .param("student", studentId)
                .param("at", SqlTimes.toSql(Instant.parse("2026-01-01T00:00:00Z")))
                .update();

        assertThat(
                        directory.teaches(
                                "educator-demo", "inst-demo", studentId, LocalDate.of(2026, 5, 1)))
                .isTrue();
        assertThat(
                        directory.teaches(
                                "educator-demo", "inst-demo", studentId, LocalDate.of(2026, 5, 2)))
                .isFalse();
    }

    @Test
    void consents_returnLatestDecisionPerPurpose() {
        String subject = "student-demo-3";
        ConsentSnapshot demo = consents.consents(subject, Set.of("ai_analysis", "research"));

        assertThat(demo.decision("ai_analysis")).isPresent();
        assertThat(demo.decision("ai_analysis").get().granted()).isTrue();
        assertThat(demo.decision("ai_analysis").get().source()).isEqualTo(ConsentSource.STUDENT);
        assertThat(demo.decision("research")).isEmpty();
        assertThat(demo.subjectAge()).isNull();

        String other = "subject-" + UUID.randomUUID();
        insertConsent(other, "research", true, false, Instant.parse("2026-01-01T00:00:00Z"));
        insertConsent(other, "research", true, true, Instant.parse("2026-02-01T00:00:00Z"));

        ConsentSnapshot withdrawn = consents.consents(other, Set.of("research"));
        assertThat(withdrawn.decision("research").get().withdrawn()).isTrue();
    }

    @Test
    void sessions_insertThenReplaceSnapshot() {
        String sessionId = "session-" + UUID.randomUUID();
        Instant first = Instant.parse("2026-12-01T10:00:00.123Z");
        Instant second = Instant.parse("2026-12-01T10:30:00.456Z");

        new TransactionTemplate(transactionManager)
                .executeWithoutResult(
                        status -> {
                            assertThat(sessions.find(sessionId)).isEmpty();
                            sessions.save(
                                    new WritingSession(
                                            sessionId,
                                            "student-demo-4",
                                            "essay-1",
                                            350,
                                            1260,
                                            2,
                                            first,
                                            first));
                        });
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(
                        status ->
                                sessions.save(
                                        new WritingSession(
                                                sessionId,
                                                "student-demo-4",
                                                "essay-2",
                                                500,
                                                1800,
                                                3,
                                                second,
                                                second)));

        WritingSession stored = sessions.find(sessionId).orElseThrow();
        assertThat(stored.wordCount()).isEqualTo(500);
        assertThat(stored.timeSpent()).isEqualTo(1800);
        assertThat(stored.revisions()).isEqualTo(3);
        assertThat(stored.assignmentId()).isEqualTo("essay-1");
        assertThat(stored.createdAt()).isEqualTo(first);
        assertThat(stored.updatedAt()).isEqualTo(second);
        assertThat(sessions.ofSubject("student-demo-4", "essay-1"))
                .extracting(WritingSession::sessionId)
                .contains(sessionId);
        assertThat(sessions.updatedBetween(List.of("student-demo-4"), second, second.plusMillis(1)))
                .extracting(WritingSession::sessionId)
                .contains(sessionId);
        assertThat(sessions.updatedBetween(List.of("student-demo-4"), first, second))
                .extracting(WritingSession::sessionId)
                .doesNotContain(sessionId);
    }

    @Test
    void reflections_latestPerAssignment() {
        String subject = "subject-" + UUID.randomUUID();
        Instant older = Instant.parse("2026-11-01T08:00:00Z");
        Instant newer = Instant.parse("2026-11-02T08:00:00Z");
        reflections.save(reflection(subject, "essay-1", 55, older));
        reflections.save(reflection(subject, "essay-2", 80, newer));

        assertThat(reflections.latest(subject, null).orElseThrow().overall()).isEqualTo(80);
        assertThat(reflections.latest(subject, "essay-1").orElseThrow().overall()).isEqualTo(55);
        assertThat(reflections.latest(subject, "essay-9")).isEmpty();
        ReflectionRecord stored = reflections.latest(subject, "essay-2").orElseThrow();
        assertThat(stored.dimensions()).isEqualTo(new DimensionScores(80, 70, 60, 50, 40));
        assertThat(stored.createdAt()).isEqualTo(newer);
        assertThat(stored.textRedacted()).isTrue();
        assertThat(reflections.createdBetween(List.of(subject), older, newer)).hasSize(1);
    }

    @Test
    void auditTrail_appendsVerifiableChain() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        String actor = "a".repeat(64);

        AuditEntry first =
                transaction.execute(status -> auditTrail.append(head -> entry(head, actor)));
        AuditEntry second =
                transaction.execute(status -> auditTrail.append(head -> entry(head, actor)));

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.entryHash());
        assertThat(auditTrail.head()).isEqualTo(new ChainHead(second.seq(), second.entryHash()));

        List<AuditEntry> stored = auditTrail.range(first.seq(), second.seq());
        assertThat(stored).hasSize(2);
        for (AuditEntry entry : stored) {
            // The stored fields must reproduce the hash, or verification would fail later.
            assertThat(AuditHashing.computeHash(entry)).isEqualTo(entry.entryHash());
        }
        assertThat(stored.get(0).details().path("tier").asString()).isEqualTo("remote");
        assertThat(auditTrail.byActor(actor, first.occurredAt(), first.occurredAt().plusSeconds(1)))
                .extracting(AuditEntry::eventId)
                .contains(first.eventId(), second.eventId());
    }

    @Test
    void budget_locksAndCharges() {
        String target = "course-" + UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        BudgetBalance initial =
                transaction.execute(
                        status -> {
                            BudgetBalance balance =
                                    budgets.lockBalance("class", target, new BigDecimal("10.0"));
                            budgets.charge("class", target, new BigDecimal("1.0"), Instant.now());
                            return balance;
                        });
        BudgetBalance after =
                transaction.execute(
                        status -> budgets.lockBalance("class", target, new BigDecimal("10.0")));

        assertThat(initial.remaining()).isEqualByComparingTo("10");
        assertThat(after.spent()).isEqualByComparingTo("1");
        assertThat(after.remaining()).isEqualByComparingTo("9");
    }

    @Test
    void dpAnswers_keepDecimalScale() {
        DpQueryKey key =
                new DpQueryKey(
                        "class",
                        "course-" + UUID.randomUUID(),
                        "week",
                        "educator",
                        LocalDate.of(2026, 12, 4));
        ObjectNode answer = Json.object();
        answer.set("engagementRate", Json.decimal(new BigDecimal("0.600")));
        answer.set("averageWordsPerStudent", Json.decimal(new BigDecimal("120.0")));

        dpAnswers.store(key, answer);
        JsonNode stored = dpAnswers.find(key).orElseThrow();

        assertThat(JSON.writeValueAsString(stored))
                .isEqualTo("{\"engagementRate\":0.600,\"averageWordsPerStudent\":120.0}");
        assertThat(
                        dpAnswers.find(
                                new DpQueryKey(
                                        "class",
                                        key.targetId(),
                                        "month",
                                        "educator",
                                        key.utcDay())))
                .isEmpty();
    }

    @Test
    void outbox_relayPublishesCommittedEvent() {
        String eventId = UUID.randomUUID().toString();
        ObjectNode payload = Json.object();
        payload.put("sensitivityLevel", "none");
        events.publish(
                new EventEnvelope(
                        eventId,
                        "content.classified",
                        1,
                        Instant.parse("2026-12-04T10:00:00.123456Z"),
                        "writing-analysis",
                        "test-correlation-0002",
                        null,
                        null,
                        new EventEnvelope.Metadata(null, null, "classify_content_sensitivity"),
                        "restricted",
                        new EventEnvelope.PrivacyContext(true, false, null, 365),
                        false,
                        null,
                        null,
                        payload));

        String envelope =
                jdbc.sql("SELECT envelope FROM outbox_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(String.class)
                        .single();
        assertThat(JSON.readTree(envelope).path("occurredAt").asString())
                .isEqualTo("2026-12-04T10:00:00.123Z");
        assertThat(JSON.readTree(envelope).has("privacyEvent")).isFalse();

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                jdbc.sql(
                                                        "SELECT COUNT(*) FROM outbox_event WHERE event_id = :id"
                                                                + " AND published_at IS NOT NULL")
                                                .param("id", eventId)
                                                .query(Integer.class)
                                                .single()
                                        == 1);
    }

    private void insertConsent(
            String subject, String purpose, boolean granted, boolean withdrawn, Instant decidedAt) {
        jdbc.sql(
                        "INSERT INTO consent_decision (id, subject_id, purpose, granted, withdrawn,"
                                + " source, decided_at) VALUES (:id, :subject, :purpose, :granted,"
                                + " :withdrawn, 'student', :at)")
                .param("id", UUID.randomUUID().toString())
                .param("subject", subject)
                .param("purpose", purpose)
                .param("granted", granted)
                .param("withdrawn", withdrawn)
                .param("at", SqlTimes.toSql(decidedAt))
                .update();
    }

    private static ReflectionRecord reflection(
            String subject, String assignment, int overall, Instant createdAt) {
        return new ReflectionRecord(
                UUID.randomUUID().toString(),
                subject,
                assignment,
                overall,
                new DimensionScores(overall, 70, 60, 50, 40),
                "none",
                "test-1",
                createdAt,
                true);
    }

    private static AuditEntry entry(ChainHead head, String actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ObjectNode details = Json.object();
        details.put("tier", "remote");
        details.set("score", Json.decimal(new BigDecimal("0.80")));
        AuditEntry unhashed =
                new AuditEntry(
                        head.seq() + 1,
                        UUID.randomUUID().toString(),
                        now,
                        now,
                        actor,
                        "STUDENT",
                        null,
                        "data_access",
                        "analyze_writing_patterns",
                        "writing_patterns",
                        null,
                        "writing_improvement",
                        "consent",
                        "success",
                        "test-correlation-0003",
                        null,
                        "restricted",
                        ComplianceFlags.ALL_TRUE,
                        details,
                        head.entryHash(),
                        "");
        String hash = AuditHashing.computeHash(unhashed);
        return new AuditEntry(
                unhashed.seq(),
                unhashed.eventId(),
                now,
                now,
                actor,
                "STUDENT",
                null,
                unhashed.category(),
                unhashed.action(),
                unhashed.resourceType(),
                null,
                unhashed.purpose(),
                unhashed.legalBasis(),
                unhashed.outcome(),
                unhashed.correlationId(),
                null,
                unhashed.privacyLevel(),
                unhashed.complianceFlags(),
                details,
                head.entryHash(),
                hash);
    }
}
