package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.config.EncryptionProperties;
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
import dev.scribe.writinganalysis.core.port.RetainedContent;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.port.WritingSessionStore;
import dev.scribe.writinganalysis.service.KeyRotationJob;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
    @Autowired JdbcReflectionStore reflectionStore;
    @Autowired JdbcRetainedContentStore retainedContentStore;
    @Autowired ContentCipher cipher;
    @Autowired Clock clock;
    @Autowired EventPayloadCipher payloads;

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
        // Events that are not about one student keep a plain payload.
        assertThat(JSON.readTree(envelope).path("encrypted").asBoolean()).isFalse();
        assertThat(JSON.readTree(envelope).path("payload").path("sensitivityLevel").asString())
                .isEqualTo("none");

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                jdbc.sql(
                                                        "SELECT COUNT(*) FROM outbox_event e JOIN"
                                                                + " outbox_delivery d ON d.outbox_id = e.id"
                                                                + " WHERE e.event_id = :id AND"
                                                                + " d.published_at IS NOT NULL")
                                                .param("id", eventId)
                                                .query(Integer.class)
                                                .single()
                                        == 1);
    }

    @Test
    void reflectionText_isEncryptedAtRest() {
        String text = "I learned to compare my drafts because the first one was weak.";
        ReflectionRecord record = reflection("subject-" + UUID.randomUUID(), "essay-1", 70, now());
        reflections.save(withText(record, text));

        String raw = rawColumn("reflection_record", "text_ciphertext", record.reflectionId());
        assertThat(raw).startsWith("v1:" + cipher.activeKeyId() + ":");
        assertThat(raw).doesNotContain("compare my drafts");
        assertThat(Base64.getDecoder().decode(raw.substring(raw.lastIndexOf(':') + 1)))
                .asString(StandardCharsets.ISO_8859_1)
                .doesNotContain("compare my drafts");
        assertThat(rawColumn("reflection_record", "text_key_id", record.reflectionId()))
                .isEqualTo(cipher.activeKeyId());
        assertThat(reflectionStore.text(record.reflectionId())).hasValue(text);
        // Reads of scores never load the text.
        assertThat(reflections.latest(record.subjectId(), null).orElseThrow().text()).isNull();
    }

    @Test
    void retainedContent_isEncryptedAtRest() {
        String contentId = UUID.randomUUID().toString();
        String text = "Retained essay paragraph about tidal energy in coastal towns.";
        retainedContentStore.save(
                new RetainedContent(
                        contentId,
                        "student-demo",
                        "course-demo-101",
                        null,
                        text.length(),
                        false,
                        now(),
                        text));

        String raw = rawColumn("retained_content", "content_ciphertext", contentId);
        assertThat(raw).startsWith("v1:");
        assertThat(raw).doesNotContain("tidal energy");
        assertThat(retainedContentStore.content(contentId)).hasValue(text);
    }

    @Test
    void reflectionTool_storesRedactedTextEncrypted() {
        HttpResponse<String> response =
                post(
                        TestAssertions.student("student-demo-5"),
                        "/api/writing-analysis/reflections/evaluate",
                        """
                        {"reflection":"I learned that my thesis was too broad. Mail me at jo.smith@example.com next time.",
                         "userId":"student-demo-5","purpose":"reflection_assessment"}
                        """);

        assertThat(response.statusCode()).isEqualTo(200);
        String reflectionId = body(response).path("data").path("reflectionId").asString();
        String raw = rawColumn("reflection_record", "text_ciphertext", reflectionId);
        assertThat(raw).doesNotContain("thesis").doesNotContain("example.com");
        String stored = reflectionStore.text(reflectionId).orElseThrow();
        assertThat(stored).contains("my thesis was too broad");
        assertThat(stored).contains("[REDACTED_PERSONAL_EMAILS]");
        assertThat(stored).doesNotContain("jo.smith@example.com");
    }

    @Test
    void patternsRetainContent_storesTextEncrypted() {
        // Letters only: a run of digits would be redacted as an account number before storage.
        String marker = "Lighthouse" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        HttpResponse<String> response =
                post(
                        TestAssertions.demoStudent(),
                        "/api/writing-analysis/patterns",
                        """
                        {"content":"%s keepers wrote logs. However, few logs survived.",
                         "userId":"student-demo","purpose":"writing_improvement",
                         "options":{"includeStructure":true,"retainContent":true}}
                        """
                                .formatted(marker));

        assertThat(response.statusCode()).isEqualTo(200);
        String contentId =
                jdbc.sql(
                                "SELECT id FROM retained_content WHERE subject_id = 'student-demo'"
                                        + " ORDER BY created_at DESC, id LIMIT 1")
                        .query(String.class)
                        .single();
        assertThat(rawColumn("retained_content", "content_ciphertext", contentId))
                .doesNotContain(marker);
        assertThat(retainedContentStore.content(contentId))
                .hasValue(marker + " keepers wrote logs. However, few logs survived.");
    }

    @Test
    void confidentialEventPayload_isEncrypted() {
        String eventId = UUID.randomUUID().toString();
        String subject = "d".repeat(64);
        ObjectNode payload = Json.object();
        payload.put("subjectPseudonym", subject);
        payload.put("reflectionId", "reflection-marker-4711");
        payload.put("quality", 77);
        publishInTransaction(confidentialEvent(eventId, subject, payload));

        JsonNode stored = JSON.readTree(rawEnvelope(eventId));
        assertThat(stored.path("encrypted").asBoolean()).isTrue();
        assertThat(stored.path("keyId").asString()).isEqualTo(cipher.activeKeyId());
        assertThat(stored.path("payload").path("alg").asString()).isEqualTo("AES-256-GCM");
        assertThat(stored.path("payload").path("tag").asString()).isNotBlank();
        assertThat(stored.toString()).doesNotContain("reflection-marker-4711");
        // The envelope still names the subject by pseudonym, so the relay can keep its order.
        assertThat(stored.path("subjectPseudonym").asString()).isEqualTo(subject);
        assertThat(payloads.payload(stored)).isEqualTo(payload);
    }

    @Test
    void alteredEventPayload_failsLoudly() {
        String eventId = UUID.randomUUID().toString();
        ObjectNode payload = Json.object();
        payload.put("quality", 12);
        publishInTransaction(confidentialEvent(eventId, "e".repeat(64), payload));
        ObjectNode stored = (ObjectNode) JSON.readTree(rawEnvelope(eventId));
        ObjectNode sealed = (ObjectNode) stored.path("payload");
        byte[] tag = Base64.getDecoder().decode(sealed.path("tag").asString());
        tag[0] ^= 0x01;
        sealed.put("tag", Base64.getEncoder().encodeToString(tag));

        assertThatThrownBy(() -> payloads.payload(stored))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("outbox_event.payload:" + eventId);
    }

    private void publishInTransaction(EventEnvelope event) {
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> events.publish(event));
    }

    private String rawEnvelope(String eventId) {
        return jdbc.sql("SELECT envelope FROM outbox_event WHERE event_id = :id")
                .param("id", eventId)
                .query(String.class)
                .single();
    }

    private static EventEnvelope confidentialEvent(
            String eventId, String subject, ObjectNode payload) {
        return new EventEnvelope(
                eventId,
                "reflection.quality.assessed",
                1,
                Instant.parse("2026-12-04T10:00:00Z"),
                "writing-analysis",
                "test-correlation-0004",
                null,
                subject,
                new EventEnvelope.Metadata(null, null, "evaluate_reflection_quality"),
                "confidential",
                new EventEnvelope.PrivacyContext(true, true, "reflection_assessment", 1095),
                false,
                null,
                null,
                payload);
    }

    @Test
    void tamperedCiphertext_failsLoudly() {
        ReflectionRecord record = reflection("subject-" + UUID.randomUUID(), "essay-1", 60, now());
        reflections.save(withText(record, "A reflection that must not be altered unnoticed."));
        String raw = rawColumn("reflection_record", "text_ciphertext", record.reflectionId());

        // Flip one bit of the last ciphertext byte (inside the GCM tag).
        int last = raw.lastIndexOf(':');
        byte[] sealed = Base64.getDecoder().decode(raw.substring(last + 1));
        sealed[sealed.length - 1] ^= 0x01;
        String altered = raw.substring(0, last + 1) + Base64.getEncoder().encodeToString(sealed);
        setRawColumn("reflection_record", "text_ciphertext", record.reflectionId(), altered);

        assertThatThrownBy(() -> reflectionStore.text(record.reflectionId()))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("reflection_record.text_ciphertext:" + record.reflectionId())
                .hasMessageContaining("altered");
    }

    @Test
    void ciphertextCopiedToOtherRow_failsLoudly() {
        ReflectionRecord source = reflection("subject-" + UUID.randomUUID(), "essay-1", 60, now());
        ReflectionRecord target = reflection("subject-" + UUID.randomUUID(), "essay-1", 61, now());
        reflections.save(withText(source, "Text of the first student."));
        reflections.save(withText(target, "Text of the second student."));

        String copied = rawColumn("reflection_record", "text_ciphertext", source.reflectionId());
        setRawColumn("reflection_record", "text_ciphertext", target.reflectionId(), copied);

        assertThatThrownBy(() -> reflectionStore.text(target.reflectionId()))
                .isInstanceOf(ContentDecryptionException.class);
    }

    @Test
    void keyRotation_rewrapsOldRowsWithoutLoss() {
        byte[] oldKey = randomKey();
        byte[] newKey = randomKey();
        String oldId = "rotation-old-" + UUID.randomUUID().toString().substring(0, 8);
        String newId = "rotation-new-" + UUID.randomUUID().toString().substring(0, 8);
        ContentCipher before = new ContentCipher(Map.of(oldId, oldKey), oldId);
        ContentCipher during = new ContentCipher(Map.of(oldId, oldKey, newId, newKey), newId);
        ContentCipher after = new ContentCipher(Map.of(newId, newKey), newId);
        String text = "Reflection written before the key rotation.";
        ReflectionRecord record = reflection("subject-" + UUID.randomUUID(), "essay-1", 75, now());
        new JdbcReflectionStore(jdbc, before).save(withText(record, text));

        // Between the rotation and the re-wrap, old values stay readable by their key id.
        assertThat(new JdbcReflectionStore(jdbc, during).text(record.reflectionId()))
                .hasValue(text);
        Map<EncryptedColumn, Integer> moved =
                new KeyRotationJob(
                                new EncryptedColumnRepository(jdbc),
                                during,
                                transactionManager,
                                new EncryptionProperties(null, null, 3_600_000, 2))
                        .rewrapAll();

        assertThat(moved.get(EncryptedColumn.REFLECTION_TEXT)).isGreaterThanOrEqualTo(1);
        assertThat(rawColumn("reflection_record", "text_key_id", record.reflectionId()))
                .isEqualTo(newId);
        assertThat(rawColumn("reflection_record", "text_ciphertext", record.reflectionId()))
                .startsWith("v1:" + newId + ":");
        // The old key can be retired: the new key alone decrypts the row.
        assertThat(new JdbcReflectionStore(jdbc, after).text(record.reflectionId())).hasValue(text);
    }

    @Test
    void auditVerify_findsOneAlteredByte() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        String actor = "b".repeat(64);
        AuditEntry first =
                transaction.execute(status -> auditTrail.append(head -> entry(head, actor)));
        AuditEntry second =
                transaction.execute(status -> auditTrail.append(head -> entry(head, actor)));
        String range = "/admin/audit/verify?from=" + first.seq() + "&to=" + second.seq();
        String original = second.correlationId();
        // One character (one UTF-8 byte) of one stored column of the second entry.
        String altered = (original.charAt(0) == 'x' ? 'y' : 'x') + original.substring(1);

        try {
            updateCorrelationId(second.seq(), altered);

            JsonNode broken = body(get(TestAssertions.demoAdministrator(), range)).path("data");
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstInvalidSeq").asLong()).isEqualTo(second.seq());
        } finally {
            // Other tests share this database and verify the whole chain.
            updateCorrelationId(second.seq(), original);
        }

        JsonNode restored = body(get(TestAssertions.demoAdministrator(), range)).path("data");
        assertThat(restored.path("valid").asBoolean()).isTrue();
        assertThat(restored.has("firstInvalidSeq")).isFalse();
    }

    private void updateCorrelationId(long seq, String correlationId) {
        jdbc.sql("UPDATE audit_event SET correlation_id = :value WHERE seq = :seq")
                .param("value", correlationId)
                .param("seq", seq)
                .update();
    }

    private String rawColumn(String table, String column, String id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private void setRawColumn(String table, String column, String id, String value) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = :value WHERE id = :id")
                .param("value", value)
                .param("id", id)
                .update();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static ReflectionRecord withText(ReflectionRecord record, String text) {
        return new ReflectionRecord(
                record.reflectionId(),
                record.subjectId(),
                record.assignmentId(),
                record.overall(),
                record.dimensions(),
                record.sensitivityLevel(),
                record.scorerVersion(),
                record.createdAt(),
                record.textRedacted(),
                text);
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
