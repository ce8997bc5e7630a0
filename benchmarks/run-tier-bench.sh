#!/usr/bin/env bash
# Measures the cost of the gateway tier router's per-request decision (TierRouterBenchmark, JMH)
# for a healthy remote tier, a remote tier demoted by its window and an open circuit, and writes
# docs/benchmarks/tier-router.md with the results, the machine and the command. The budget is
# 0.1 ms (100 000 ns) per decision.
#
# Usage: benchmarks/run-tier-bench.sh
# Environment: JMH_ARGS (default "-f 1 -wi 3 -i 5 -w 1s -r 1s -t 1").
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

jmh_args="${JMH_ARGS:--f 1 -wi 3 -i 5 -w 1s -r 1s -t 1}"
result_json="benchmarks/target/tier-bench.json"
page="docs/benchmarks/tier-router.md"

mvn -B -q -pl benchmarks -am -DskipTests package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/classpath.txt

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
read -r -a jmh_words <<<"$jmh_args"
load_before="$(cut -d ' ' -f 1-3 /proc/loadavg)"
java -cp "$classpath" org.openjdk.jmh.Main 'dev.scribe.benchmarks.TierRouterBenchmark' \
    "${jmh_words[@]}" -rf json -rff "$result_json"

mkdir -p "$(dirname "$page")"
cpu_model="$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
java_version="$(java -version 2>&1 | head -n 1)"
shown_command="benchmarks/run-tier-bench.sh, which runs: java -cp <benchmarks classpath> org.openjdk.jmh.Main dev.scribe.benchmarks.TierRouterBenchmark $jmh_args -rf json"

python3 - "$result_json" "$page" "$(nproc)" "$cpu_model" "$java_version" "$shown_command" \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$load_before" <<'PY'
import json
import sys

result_file, page, cores, cpu_model, java, command, when, load = sys.argv[1:9]
budget_ns = 100_000.0
rows = []
worst = 0.0
for result in json.load(open(result_file)):
    name = result["benchmark"].rsplit(".", 1)[1]
    metric = result["primaryMetric"]
    score = metric["score"]
    error = metric["scoreError"]
    worst = max(worst, score + (error if error == error else 0.0))
    rows.append(f"| `{name}` | {score:,.0f} | {error:,.0f} | {metric['scoreUnit']} |")

verdict = "met" if worst < budget_ns else "NOT met"
with open(page, "w", encoding="utf-8") as out:
    out.write(f"""# Tier router decision

For every request on a tiered route, the gateway's tier router decides which tier handles it
(platform AR-4, AR-5). It reads the flags, the operation circuit's state and the cached window
verdicts, then builds the ordered plan of tiers with the notices of the skipped ones. The
decision must add under 0.1 ms (100,000 ns) to a request.

Measured {when} on {cores} cores ({cpu_model}), {java}; load average before the run: {load}.

Command: `{command}`

| Case | Mean (ns per decision) | Error (99.9 %) | Unit |
|---|---|---|---|
""")
    out.write("\n".join(rows) + "\n")
    out.write(f"""
Cases: `healthyRemote` plans remote first with a full window of successes; `demotedRemote` has a
window of failures, so remote is skipped with a notice; `openCircuit` has a forced-open circuit.
Each window holds its full 100 samples.

Result: the slowest case including its error is {worst:,.0f} ns, so the 0.1 ms target is
{verdict}. The benchmark measures the decision alone, not the proxied call or the fallback.
""")
PY
echo "Wrote $page"
