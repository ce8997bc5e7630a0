package dev.scribe.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayReportTest {

    private static RunResult open(String target, int rate, double p50, double p95) {
        LatencySummary latency = new LatencySummary(rate * 30L, p50, p95, p95 + 1, p95 + 5);
        return new RunResult(
                target + "-" + rate,
                target,
                "open",
                rate,
                0,
                30,
                rate * 30L,
                rate * 30L,
                Map.of(),
                rate,
                latency,
                Map.of("patterns", latency));
    }

    private static RunResult closed(String target, double rps) {
        LatencySummary latency = new LatencySummary(1000, 10, 20, 30, 40);
        return new RunResult(
                target + "-max",
                target,
                "closed",
                0,
                16,
                20,
                1002,
                1000,
                Map.of("HTTP_503", 2L),
                rps,
                latency,
                Map.of());
    }

    private static final List<RunResult> RESULTS =
            List.of(
                    open("gateway", 200, 4.5, 18.0),
                    open("direct", 200, 3.0, 12.0),
                    open("gateway", 50, 2.8, 6.0),
                    open("direct", 50, 2.0, 5.0),
                    closed("gateway", 512.3),
                    closed("direct", 700.0));

    @Test
    void addedLatencyIsGatewayMinusDirect() {
        String page = GatewayReport.render(RESULTS, "nproc: 2", "./scribe up");

        assertThat(page).contains("| 50 | 2.80 | 2.00 | +0.80 | 6.00 | 5.00 | +1.00 |");
        assertThat(page).contains("| 200 | 4.50 | 3.00 | +1.50 | 18.00 | 12.00 | +6.00 |");
    }

    @Test
    void targetsAreJudged() {
        String page = GatewayReport.render(RESULTS, "nproc: 2", "./scribe up");

        assertThat(page)
                .contains(
                        "- p95 through the gateway at 200 rps: 18.00 ms (target under 20 ms): met.")
                .contains("- Added p50 at 50 rps: +0.80 ms (target under 1 ms): met.")
                .contains("- Added p50 at 200 rps: +1.50 ms (target under 1 ms): not met.");
    }

    @Test
    void fixedRatesAreSortedWithGatewayFirst() {
        String page = GatewayReport.render(RESULTS, "nproc: 2", "./scribe up");

        assertThat(page.indexOf("| 50 | gateway |")).isLessThan(page.indexOf("| 50 | direct |"));
        assertThat(page.indexOf("| 50 | direct |")).isLessThan(page.indexOf("| 200 | gateway |"));
    }

    @Test
    void maximumThroughputListsErrorsByKind() {
        String page = GatewayReport.render(RESULTS, "nproc: 2", "./scribe up");

        assertThat(page).contains("| gateway | 16 | 20 | 1000 | 2 (HTTP_503 2) | 512.3 |");
    }

    @Test
    void machineAndCommandsAreQuoted() {
        String page = GatewayReport.render(RESULTS, "nproc: 2\n", "./scribe up\n");

        assertThat(page).contains("```text\nnproc: 2\n```").contains("```bash\n./scribe up\n```");
    }

    @Test
    void missingTargetRateIsSaid() {
        String page = GatewayReport.render(List.of(open("gateway", 50, 1, 2)), "m", "c");

        assertThat(page).contains("at 200 rps: no run at that rate.");
    }

    @Test
    void runWithoutSuccessHasNoDelta() {
        RunResult failed =
                new RunResult(
                        "direct-200",
                        "direct",
                        "open",
                        200,
                        0,
                        30,
                        6000,
                        0,
                        Map.of("TIMEOUT", 6000L),
                        0,
                        new LatencySummary(0, 0, 0, 0, 0),
                        Map.of());

        String page = GatewayReport.render(List.of(open("gateway", 200, 4, 9), failed), "m", "c");

        assertThat(page)
                .contains("| 200 | - | - | no successful direct requests | - | - | - |")
                .contains(
                        "- Added p50 at 200 rps: not measured, because no direct request succeeded.")
                .contains("| 200 | direct | 6000 | 0 | 6000 (TIMEOUT 6000) |");
    }
}
