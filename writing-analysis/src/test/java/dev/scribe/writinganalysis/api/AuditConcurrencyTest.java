package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Concurrent appends keep the audit chain gap-free and verifiable. */
class AuditConcurrencyTest extends ServiceTestSupport {

    private static final int REQUESTS = 16;

    @Autowired JdbcClient jdbc;

    @Test
    void concurrentAudits_keepChainValid() throws Exception {
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                responses.add(
                        pool.submit(
                                () ->
                                        post(
                                                TestAssertions.demoStudent(),
                                                "/api/writing-analysis/audit",
                                                CanonicalRoutesTest.auditBody())));
            }
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> result = response.get(60, TimeUnit.SECONDS);
                assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        long entries = jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single();
        long maxSeq = jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
        assertThat(maxSeq).isEqualTo(entries);

        HttpResponse<String> verification =
                get(TestAssertions.demoAdministrator(), "/api/writing-analysis/audit/verify");
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(body(verification).path("data").path("valid").asBoolean()).isTrue();
        assertThat(body(verification).path("data").path("entriesChecked").asLong())
                .isGreaterThanOrEqualTo(REQUESTS);
    }
}
