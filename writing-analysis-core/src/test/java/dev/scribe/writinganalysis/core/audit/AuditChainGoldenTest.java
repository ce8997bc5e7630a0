package dev.scribe.writinganalysis.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.ChainHead;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import dev.scribe.writinganalysis.core.testing.InMemoryAuditTrailStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AuditChainGoldenTest {

    private static final Pseudonymizer PSEUDONYMS =
            new Pseudonymizer("test-pseudonym-key".getBytes(StandardCharsets.UTF_8));

    private static final String ENTRY_1_CANONICAL =
            "{\"action\":\"audit_writing_data_access\",\"actorPseudonym\":\"47acb9c62bdcc83fc0b149c5b4ac8cea30da9d4f162310f61572cf84f9c92c82\",\"actorRole\":\"EDUCATOR\",\"category\":\"data_access\",\"complianceFlags\":{\"coppa\":true,\"ferpa\":true,\"gdpr\":true},\"correlationId\":\"corr-0001\",\"details\":{\"accessType\":\"read\",\"assignmentId\":null,\"courseId\":\"course-1\",\"errorCode\":null,\"privacyFlags\":[\"sensitive_data\",\"educator_access\"],\"tier\":\"remote\"},\"eventId\":\"00000000-0000-4000-8000-000000000001\",\"legalBasis\":\"legitimate_interest\",\"occurredAt\":\"2025-01-15T10:00:00.000Z\",\"outcome\":\"success\",\"prevHash\":\"0000000000000000000000000000000000000000000000000000000000000000\",\"privacyLevel\":\"confidential\",\"purpose\":\"educational_feedback\",\"recordedAt\":\"2025-01-15T10:00:00.000Z\",\"resourcePseudonym\":null,\"resourceType\":\"reflection\",\"seq\":1,\"subjectPseudonym\":\"b3933170f959ac32cca978b8ab7b00c5e8671fe17d284a89a3228d90405ed2df\",\"traceId\":null}";

    private static final String ENTRY_1_HASH =
            "56c1ed45a49bcd5dad77315cb1d87cb33244e5a15d42bdc1d41fec5cd1005b9a";
    private static final String ENTRY_2_HASH =
            "6ddb70a09d5e583cc368beeeef612f942da09a02e656ff5fd1c0b278b84c4f0e";

    @Test
    void pseudonymsMatchGoldenValues() {
        assertThat(PSEUDONYMS.pseudonym("educator-7"))
                .isEqualTo("47acb9c62bdcc83fc0b149c5b4ac8cea30da9d4f162310f61572cf84f9c92c82");
        assertThat(PSEUDONYMS.pseudonym("student-42"))
                .isEqualTo("b3933170f959ac32cca978b8ab7b00c5e8671fe17d284a89a3228d90405ed2df");
    }

    @Test
    void firstEntryCanonicalFormAndHash() {
        AuditEntry entry = entry1();

        assertThat(AuditHashing.canonicalForm(entry)).isEqualTo(ENTRY_1_CANONICAL);
        assertThat(AuditHashing.computeHash(entry)).isEqualTo(ENTRY_1_HASH);
    }

    @Test
    void secondEntryChainsOnFirst() {
        assertThat(AuditHashing.computeHash(entry2())).isEqualTo(ENTRY_2_HASH);
    }

    @Test
    void verifierAcceptsGoldenChain() {
        InMemoryAuditTrailStore store = goldenStore();

        ChainVerification result = new ChainVerifier(store, null).verify(null, null);

        assertThat(result.valid()).isTrue();
        assertThat(result.firstInvalidSeq()).isNull();
        assertThat(result.entriesChecked()).isEqualTo(2);
        assertThat(result.to()).isEqualTo(2);
    }

    @Test
    void alteredFirstEntryIsReportedAtSeqOne() {
        InMemoryAuditTrailStore store = goldenStore();
        AuditEntry original = entry1();
        store.replace(
                new AuditEntry(
                        original.seq(),
                        original.eventId(),
                        original.occurredAt(),
                        original.recordedAt(),
                        original.actorPseudonym(),
                        original.actorRole(),
                        original.subjectPseudonym(),
                        original.category(),
                        original.action(),
                        "writing_content",
                        original.resourcePseudonym(),
                        original.purpose(),
                        original.legalBasis(),
                        original.outcome(),
                        original.correlationId(),
                        original.traceId(),
                        original.privacyLevel(),
                        original.complianceFlags(),
                        original.details(),
                        original.prevHash(),
                        original.entryHash()));

        ChainVerification result = new ChainVerifier(store, null).verify(null, null);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(1L);
    }

    @Test
    void gapInSequenceIsInvalid() {
        InMemoryAuditTrailStore store = goldenStore();
        store.remove(1);

        ChainVerification result = new ChainVerifier(store, null).verify(null, null);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(1L);
    }

    private static InMemoryAuditTrailStore goldenStore() {
        InMemoryAuditTrailStore store = new InMemoryAuditTrailStore();
        store.append(head -> entry1());
        store.append(head -> entry2());
        return store;
    }

    private static AuditEntry entry1() {
        ObjectNode details = Json.object();
        details.put("accessType", "read");
        details.put("courseId", "course-1");
        details.putNull("assignmentId");
        details.putNull("errorCode");
        details.putArray("privacyFlags").add("sensitive_data").add("educator_access");
        details.put("tier", "remote");
        Instant at = Instant.parse("2025-01-15T10:00:00.000Z");
        AuditEntry unhashed =
                new AuditEntry(
                        1,
                        "00000000-0000-4000-8000-000000000001",
                        at,
                        at,
                        PSEUDONYMS.pseudonym("educator-7"),
                        "EDUCATOR",
                        PSEUDONYMS.pseudonym("student-42"),
                        "data_access",
                        "audit_writing_data_access",
                        "reflection",
                        null,
                        "educational_feedback",
                        "legitimate_interest",
                        "success",
                        "corr-0001",
                        null,
                        "confidential",
                        ComplianceFlags.ALL_TRUE,
                        details,
                        ChainHead.GENESIS_HASH,
                        "");
        return AuditRecorder.withHash(unhashed, AuditHashing.computeHash(unhashed));
    }

    private static AuditEntry entry2() {
        ObjectNode details = Json.object();
        details.put("accessType", "share");
        details.putNull("courseId");
        details.putNull("assignmentId");
        details.putNull("errorCode");
        details.putArray("privacyFlags").add("self_access").add("data_sharing");
        details.put("tier", "remote");
        Instant at = Instant.parse("2025-01-15T10:05:00.000Z");
        String student = PSEUDONYMS.pseudonym("student-42");
        AuditEntry unhashed =
                new AuditEntry(
                        2,
                        "00000000-0000-4000-8000-000000000002",
                        at,
                        at,
                        student,
                        "STUDENT",
                        student,
                        "data_export",
                        "audit_writing_data_access",
                        "writing_content",
                        null,
                        "writing_improvement",
                        "legitimate_interest",
                        "success",
                        "corr-0002",
                        null,
                        "confidential",
                        ComplianceFlags.ALL_TRUE,
                        details,
                        ENTRY_1_HASH,
                        "");
        return AuditRecorder.withHash(unhashed, AuditHashing.computeHash(unhashed));
    }
}
