package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Trace ids from W3C traceparent headers. */
class TraceParentsTest {

    @Test
    void validHeader_yieldsTraceId() {
        assertThat(TraceParents.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void allZeroTraceId_isIgnored() {
        assertThat(TraceParents.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isNull();
    }

    @Test
    void malformedHeaders_areIgnored() {
        assertThat(TraceParents.traceId(null)).isNull();
        assertThat(TraceParents.traceId("")).isNull();
        assertThat(TraceParents.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .isNull();
        assertThat(TraceParents.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-01")).isNull();
    }
}
