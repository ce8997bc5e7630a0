#!/usr/bin/env bash
# Builds the benchmarks module and runs the engine JMH benchmark on one thread, then writes
# docs/benchmarks/engine.md with the machine, the exact command and the results table.
#
# Usage: benchmarks/run-engine-bench.sh
# Environment: SCRIBE_SHARED_DATA_DIR (default <repository>/../shared/data),
#              JMH_ARGS to override the short default settings below.
# Needs: mvn, java 17, python3 (to turn the JMH JSON result into the Markdown table).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

data_dir="${SCRIBE_SHARED_DATA_DIR:-$repo/../shared/data}"
if [[ ! -f "$data_dir/essays/essays.jsonl" ]]; then
    echo "Essay file not found: $data_dir/essays/essays.jsonl (set SCRIBE_SHARED_DATA_DIR)" >&2
    exit 1
fi
data_dir="$(cd "$data_dir" && pwd)"

# Short settings for a shared machine: 1 fork, 3 warm-up and 5 measured iterations of 1 s each.
jmh_args="${JMH_ARGS:--f 1 -wi 3 -i 5 -w 1s -r 1s -t 1 -prof dev.scribe.benchmarks.ProcessCpuProfiler}"
result_json="benchmarks/target/engine-bench.json"
page="docs/benchmarks/engine.md"

mvn -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/classpath.txt

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
# shellcheck disable=SC2206 # the JMH arguments are meant to be split into words
jmh_words=($jmh_args)
command=(java -cp "$classpath" "-Dscribe.shared-data-dir=$data_dir" org.openjdk.jmh.Main
    'dev.scribe.benchmarks.EngineBenchmark' "${jmh_words[@]}"
    -jvmArgsAppend "-Dscribe.shared-data-dir=$data_dir" -rf json -rff "$result_json")
"${command[@]}"

mkdir -p "$(dirname "$page")"
cpu_model="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
java_version="$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')"
load_average="$(cut -d ' ' -f 1-3 /proc/loadavg)"
shown_command="benchmarks/run-engine-bench.sh, which runs: java -cp <benchmarks classpath> org.openjdk.jmh.Main dev.scribe.benchmarks.EngineBenchmark $jmh_args -jvmArgsAppend -Dscribe.shared-data-dir=<shared data> -rf json"

python3 - "$result_json" "$page" "$(nproc)" "$cpu_model" "$java_version" "$shown_command" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$load_average" <<'PY'
import json
import sys

result_file, page, cores, cpu_model, java, command, when, load = sys.argv[1:9]
results = json.load(open(result_file))
target_us = 100.0

rows = []
for r in results:
    name = r["benchmark"].rsplit(".", 1)[1]
    metric = r["primaryMetric"]
    iterations = [value for fork in metric["rawData"] for value in fork]
    cpu = r.get("secondaryMetrics", {}).get("cpu.time.per.op")
    cpu_score = cpu["score"] if cpu else float("nan")
    rows.append((name, metric["score"], metric["scoreError"], min(iterations), max(iterations), cpu_score))

lines = [
    "# Engine benchmark: sensitivity classification and writing patterns",
    "",
    "Single-threaded JMH benchmark of the writing-analysis engine on real student essays of",
    "450 to 550 tokens from the shared evaluation data (`essays/essays.jsonl`). Each invocation",
    "takes the next essay, so a mean covers all selected essays. `classifyThenAnalyzePatterns` is",
    "what `analyze_writing_patterns` computes: the sensitivity classifier, then the pattern",
    "sections on the redacted text when something was redacted.",
    "",
    "## Machine",
    "",
    f"- Cores (`nproc`): {cores}",
    f"- CPU (`lscpu` model name): {cpu_model}",
    f"- Java (`java -version`): {java}",
    f"- Run at: {when}",
    f"- Load average (1, 5, 15 min) right after the run: {load}",
    "- The machine is shared with other builds, so the numbers carry that noise.",
    "",
    "## Command",
    "",
    f"`{command}`",
    "",
    "## Results",
    "",
    "| Benchmark | Mean (µs/op) | Error (99.9 %, µs/op) | Fastest iteration | Slowest iteration | Process CPU (µs/op) |",
    "|---|---:|---:|---:|---:|---:|",
]
for name, score, error, fastest, slowest, cpu_score in rows:
    lines.append(
        f"| `{name}` | {score:.2f} | ± {error:.2f} | {fastest:.2f} | {slowest:.2f} | {cpu_score:.2f} |")
lines += [
    "",
    "Mean, error and iterations are wall time. Process CPU is the wall time scaled by the share of",
    "it the benchmark process spent on a CPU (`ProcessCpuProfiler`), averaged over the measured",
    "iterations. It leaves out time spent waiting for a core on a busy machine, but it still",
    "counts JIT and GC threads and the cache misses other processes cause, so it is an upper",
    "bound for the cost on an idle core rather than a measurement of it.",
]

combined = [r for r in rows if r[0] == "classifyThenAnalyzePatterns"]
lines += ["", "## Against the target", ""]
if combined:
    _, score, error, fastest, _, cpu_score = combined[0]
    lines.append(
        f"The target is patterns plus sensitivity under {target_us:.0f} µs per 500-word essay on one"
        f" core. The measured mean of `classifyThenAnalyzePatterns` is {score:.2f} µs ± {error:.2f}"
        f", its fastest iteration averaged {fastest:.2f} µs and its process CPU time was"
        f" {cpu_score:.2f} µs per operation.")
    if error > score / 2 and fastest > target_us:
        lines.append(
            "The error is more than half the mean, so other load on the machine dominates this"
            " run. Even the fastest iteration is above the target, though, so the target is"
            " probably missed on this machine; an idle run would settle it.")
    elif error > score / 2:
        lines.append(
            "The error is more than half the mean, so other load on the machine dominates this"
            " run and it neither confirms nor refutes the target. Rerun on an idle machine.")
    elif score + error < target_us:
        lines.append("The whole confidence interval is below the target, so the run meets it.")
    elif score - error > target_us:
        lines.append("The whole confidence interval is above the target, so the run misses it.")
    else:
        lines.append("The confidence interval contains the target, so the run is inconclusive.")
else:
    lines.append("The combined benchmark did not run, so the target was not checked.")
lines.append("")

open(page, "w").write("\n".join(lines))
print(f"Wrote {page}")
PY
