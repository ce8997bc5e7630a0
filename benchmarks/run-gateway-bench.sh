#!/usr/bin/env bash
# Measures the gateway: starts the platform with ./scribe up (one writing-analysis instance), sends
# the writing-analysis request mix through the gateway and straight to the instance at fixed rates,
# probes the maximum throughput, and writes docs/benchmarks/gateway.md.
#
# Usage: benchmarks/run-gateway-bench.sh
# Environment (all optional):
#   BENCH_RATES="50 100 200"   fixed rates in requests per second
#   BENCH_WARMUP_SECONDS=10    unmeasured warm-up of each fixed-rate run
#   BENCH_DURATION_SECONDS=30  measured window of each fixed-rate run
#   BENCH_CONCURRENCY=32       requests in flight during the maximum-throughput probe
#   BENCH_MAX_SECONDS=20       measured window of the probe (after a 5 s warm-up)
#   BENCH_PREWARM_SECONDS=60   unrecorded closed-loop traffic, through the gateway and direct,
#                              before the first run, so that the JIT has compiled the hot paths
#   SCRIBE_SHARED_DATA_DIR     folder with essays/essays.jsonl and reflections/reflections.jsonl
#                              (default: shared/data beside the repository)
# All traffic goes to 127.0.0.1; every run stops by itself after its warm-up and window.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RATES=${BENCH_RATES:-50 100 200}
WARMUP=${BENCH_WARMUP_SECONDS:-10}
DURATION=${BENCH_DURATION_SECONDS:-30}
CONCURRENCY=${BENCH_CONCURRENCY:-32}
MAX_SECONDS=${BENCH_MAX_SECONDS:-20}
PREWARM=${BENCH_PREWARM_SECONDS:-60}
DATA_DIR=${SCRIBE_SHARED_DATA_DIR:-$ROOT/../shared/data}
GATEWAY_URL="http://127.0.0.1:${SCRIBE_GATEWAY_PORT:-8080}"
DIRECT_URL="http://127.0.0.1:${SCRIBE_WRITING_ANALYSIS_PORT:-8092}"
ESSAYS=$DATA_DIR/essays/essays.jsonl
REFLECTIONS=$DATA_DIR/reflections/reflections.jsonl
PAGE=$ROOT/docs/benchmarks/gateway.md

for file in "$ESSAYS" "$REFLECTIONS"; do
  [[ -f "$file" ]] || { echo "run-gateway-bench: $file not found; set SCRIBE_SHARED_DATA_DIR" >&2; exit 2; }
done

out=$ROOT/benchmarks/target/gateway-bench/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out/results"
commands=$out/commands.txt
: >"$commands"

started_here=0
if ! ./scribe status >/dev/null 2>&1; then
  started_here=1
fi
echo "./scribe up" >>"$commands"
./scribe up

echo "--- building the load generator"
classpath_file=$ROOT/benchmarks/target/load-classpath.txt
# Every module of the build writes the classpath file in turn; benchmarks is built last, so the
# file ends with its classpath.
mvn -B -q -Dstyle.color=never -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$classpath_file" -pl benchmarks -am
classpath="$ROOT/benchmarks/target/classes:$(cat "$classpath_file")"

# Runs the load generator with a fresh credential; the first argument is gateway or direct.
load() {
  local target=$1; shift
  local url=$GATEWAY_URL
  [[ "$target" == direct ]] && url=$DIRECT_URL
  local args=(--target "$target" --base-url "$url" --essays "$ESSAYS" --reflections "$REFLECTIONS" "$@")
  if [[ "$target" == gateway ]]; then
    echo "SCRIBE_TOKEN=\$(./scribe token) java -cp \"\$CLASSPATH\" dev.scribe.benchmarks.load.LoadGenerator ${args[*]}" >>"$commands"
    SCRIBE_TOKEN=$(./scribe token) java -Xmx512m -cp "$classpath" dev.scribe.benchmarks.load.LoadGenerator "${args[@]}"
  else
    echo "SCRIBE_SERVICE_TOKEN=\$(./scribe token --service) SCRIBE_ASSERTION=\$(./scribe token --assertion) java -cp \"\$CLASSPATH\" dev.scribe.benchmarks.load.LoadGenerator ${args[*]}" >>"$commands"
    SCRIBE_SERVICE_TOKEN=$(./scribe token --service) SCRIBE_ASSERTION=$(./scribe token --assertion) java -Xmx512m -cp "$classpath" dev.scribe.benchmarks.load.LoadGenerator "${args[@]}"
  fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

echo "--- pre-warming for ${PREWARM} s (not recorded)"
for target in gateway direct; do
  load "$target" --mode closed --concurrency 8 --warmup-seconds 0 --duration-seconds $(((PREWARM + 1) / 2)) \
    --output "$out/prewarm-$target.json"
done

echo "--- fixed rates: $RATES rps, ${WARMUP} s warm-up + ${DURATION} s each"
for rate in $RATES; do
  for target in gateway direct; do
    load "$target" --mode open --rate "$rate" --warmup-seconds "$WARMUP" --duration-seconds "$DURATION" \
      --output "$out/results/$target-$rate.json"
  done
done

echo "--- maximum throughput: $CONCURRENCY in flight, 5 s warm-up + ${MAX_SECONDS} s"
for target in gateway direct; do
  load "$target" --mode closed --concurrency "$CONCURRENCY" --warmup-seconds 5 \
    --duration-seconds "$MAX_SECONDS" --timeout-ms 10000 --output "$out/results/$target-max.json"
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
machine=$out/machine.txt
{
  echo "date (UTC):  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:      $(git rev-parse --short HEAD)"
  echo "nproc:       $(nproc)"
  echo "CPU:         $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:      $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
  echo "OS:          $(uname -sr)"
  echo "load average (1, 5, 15 min) before the runs: $load_before; after: $load_after"
  echo "JVM options: ${SCRIBE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -Dfile.encoding=UTF-8} (each component)"
  echo "java -version:"
  java -version 2>&1 | sed 's/^/  /'
} >"$machine"
{
  echo "# CLASSPATH: benchmarks/target/classes plus the output of"
  echo "# mvn -B -q -DskipTests package org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile=benchmarks/target/load-classpath.txt -pl benchmarks -am"
  echo "benchmarks/run-gateway-bench.sh   # runs the following"
  cat "$commands"
} >"$out/commands-page.txt"

java -cp "$classpath" dev.scribe.benchmarks.load.GatewayReport \
  "$out/results" "$machine" "$out/commands-page.txt" "$PAGE"
echo "results: $out"

if (( started_here )); then
  ./scribe down
else
  echo "The platform was already running before the benchmark and is left running."
fi
