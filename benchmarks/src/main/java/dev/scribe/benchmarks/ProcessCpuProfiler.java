package dev.scribe.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time of the benchmark process per operation, for average-time benchmarks. On a
 * shared machine the wall time per operation includes time spent waiting for a core, but the CPU
 * time does not. It is still an upper bound for the cost on an idle core, because it also counts
 * JIT and GC threads and the cache misses other processes cause.
 *
 * <p>Use with {@code -prof dev.scribe.benchmarks.ProcessCpuProfiler}.
 */
public class ProcessCpuProfiler implements InternalProfiler {

    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long startCpuNanos;
    private long startWallNanos;

    @Override
    public String getDescription() {
        return "Process CPU time per operation (average-time mode)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startWallNanos = System.nanoTime();
        startCpuNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams,
            IterationParams iterationParams,
            IterationResult result) {
        long cpuNanos = os.getProcessCpuTime() - startCpuNanos;
        long wallNanos = System.nanoTime() - startWallNanos;
        if (wallNanos <= 0 || cpuNanos < 0) {
            return List.of();
        }

        // The primary score is wall time per operation; scale it by the share of wall time that
        // the process spent on a CPU.
        double cpuShare = (double) cpuNanos / wallNanos;
        double cpuPerOp = result.getPrimaryResult().getScore() * cpuShare;
        return List.of(
                new ScalarResult(
                        "cpu.time.per.op",
                        cpuPerOp,
                        result.getPrimaryResult().getScoreUnit(),
                        AggregationPolicy.AVG));
    }
}
