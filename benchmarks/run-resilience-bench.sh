#!/usr/bin/env bash
# Measures how the gateway rides out instance failures: starts the platform with
# ./scribe up --instances writing-analysis=3 --profile postgres, sends the writing-analysis request mix through the
# gateway at a fixed rate, and
#   phase A: kills one instance with SIGKILL during the measured window, then measures the error
#            rate, the p95 latency and the time until the gateway stops trying the dead instance;
#   phase B: restarts every instance in turn (SIGTERM, then ./scribe up starts it again) during
#            the measured window and counts failed requests.
# It writes docs/benchmarks/resilience.md with the results, the machine and the commands.
#
# Usage: benchmarks/run-resilience-bench.sh
# Environment (all optional):
#   BENCH_PROFILE=postgres            profile of ./scribe up: postgres (every instance connects to
#                                     PostgreSQL itself) or embedded (the first instance hosts the
#                                     H2 file of all, so its restart stalls the others)
#   BENCH_RATE=25                     requests per second of both phases; at 50 the two cores of
#                                     the reference machine saturate while a restarted JVM starts
#   BENCH_KILL_DURATION_SECONDS=40    measured window of phase A (after a 5 s warm-up)
#   BENCH_KILL_AT_SECONDS=10          seconds into the measured window at which phase A kills
#   BENCH_ROLLING_DURATION_SECONDS=260  measured window of phase B (1-300); the rolling restart
#                                     starts 10 s into it and must finish inside it
#   BENCH_WARMUP_SECONDS=20           unmeasured load before each phase, so that every instance's
#                                     JIT has compiled the request path before anything fails
#   BENCH_SETTLE_SECONDS=12           wait after an instance is back, so that the gateway's
#                                     registry fetch (every 5 s) and cache (5 s) include it
#   SCRIBE_JAVA_OPTS                  JVM options of every component; default ./scribe's options
#                                     with -XX:TieredStopAtLevel=1. On two cores, six JVMs that
#                                     each run the C2 compiler for minutes after their start
#                                     saturate the machine, and a restarted instance starts cold
#   SCRIBE_SHARED_DATA_DIR            folder with essays/essays.jsonl and
#                                     reflections/reflections.jsonl (default: ../shared/data)
#   SCRIBE_RUN_DIR, SCRIBE_*_PORT     passed to ./scribe (see ./scribe up --help)
# All traffic goes to 127.0.0.1. The script stops the platform at the end when it started it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RATE=${BENCH_RATE:-25}
KILL_DURATION=${BENCH_KILL_DURATION_SECONDS:-40}
KILL_AT=${BENCH_KILL_AT_SECONDS:-10}
ROLLING_DURATION=${BENCH_ROLLING_DURATION_SECONDS:-260}
SETTLE=${BENCH_SETTLE_SECONDS:-12}
PROFILE=${BENCH_PROFILE:-postgres}
export SCRIBE_JAVA_OPTS=${SCRIBE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dfile.encoding=UTF-8}
WARMUP=${BENCH_WARMUP_SECONDS:-20}
DATA_DIR=${SCRIBE_SHARED_DATA_DIR:-$ROOT/../shared/data}
RUN_DIR=${SCRIBE_RUN_DIR:-$ROOT/.scribe/run}
GATEWAY_URL="http://127.0.0.1:${SCRIBE_GATEWAY_PORT:-8080}"
ESSAYS=$DATA_DIR/essays/essays.jsonl
REFLECTIONS=$DATA_DIR/reflections/reflections.jsonl
PAGE=$ROOT/docs/benchmarks/resilience.md
INSTANCES=3

for file in "$ESSAYS" "$REFLECTIONS"; do
  [[ -f "$file" ]] || { echo "run-resilience-bench: $file not found; set SCRIBE_SHARED_DATA_DIR" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "run-resilience-bench: jq is required to read the results" >&2; exit 2; }
[[ "$PROFILE" == postgres || "$PROFILE" == embedded ]] \
  || { echo "run-resilience-bench: BENCH_PROFILE must be postgres or embedded, got '$PROFILE'" >&2; exit 2; }
(( KILL_AT < KILL_DURATION )) || { echo "run-resilience-bench: BENCH_KILL_AT_SECONDS must be below BENCH_KILL_DURATION_SECONDS" >&2; exit 2; }

out=$ROOT/benchmarks/target/resilience-bench/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
commands=$out/commands.txt
: >"$commands"

started_here=0
if ./scribe status >/dev/null 2>&1; then
  [[ "$(cat "$RUN_DIR/profile" 2>/dev/null || echo embedded)" == "$PROFILE" ]] \
    || { echo "run-resilience-bench: the running platform does not use the $PROFILE profile; run ./scribe down first" >&2; exit 2; }
else
  started_here=1
fi
cleanup() {
  if (( started_here )); then
    ./scribe down || true
  fi
}
trap cleanup EXIT

up() {
  echo "./scribe up --instances writing-analysis=$INSTANCES --profile $PROFILE" >>"$commands"
  ./scribe up --instances "writing-analysis=$INSTANCES" --profile "$PROFILE"
}
up

echo "--- building the load generator"
classpath_file=$ROOT/benchmarks/target/load-classpath.txt
mvn -B -q -Dstyle.color=never -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dmdep.outputFile="$classpath_file" -pl benchmarks -am
classpath="$ROOT/benchmarks/target/classes:$(cat "$classpath_file")"

# Starts an open-rate run through the gateway in the background; sets LOAD_PID.
start_load() {
  local duration=$1 output=$2
  local args=(--target gateway --base-url "$GATEWAY_URL" --essays "$ESSAYS" --reflections "$REFLECTIONS"
    --mode open --rate "$RATE" --warmup-seconds "$WARMUP" --duration-seconds "$duration"
    --timeout-ms 10000 --label "$(basename "$output" .json)" --output "$output")
  echo "SCRIBE_TOKEN=\$(./scribe token) java -cp \"\$CLASSPATH\" dev.scribe.benchmarks.load.LoadGenerator ${args[*]}" >>"$commands"
  SCRIBE_TOKEN=$(./scribe token) java -Xmx512m -XX:TieredStopAtLevel=1 -cp "$classpath" dev.scribe.benchmarks.load.LoadGenerator "${args[@]}" \
    >"$out/$(basename "$output" .json).txt" &
  LOAD_PID=$!
}

instance_ids() { find "$RUN_DIR/pids" -maxdepth 1 -name 'writing-analysis-*.pid' -printf '%f\n' | sed 's/\.pid$//' | sort; }
pid_of() { sed -n 1p "$RUN_DIR/pids/$1.pid"; }
port_of() { sed -n 2p "$RUN_DIR/pids/$1.pid"; }
now_ms() { date +%s%3N; }

# Waits until the gateway has sent requests to every running instance, read from each instance's
# request counter, so that a phase starts with all of them in the gateway's list.
wait_all_used() {
  local id port deadline=$((SECONDS + 60))
  local -A before=()
  for id in $(instance_ids); do
    before[$id]=$(requests_served "$(port_of "$id")")
  done
  while (( SECONDS < deadline )); do
    local all=1
    curl -s -o /dev/null -m 5 -X POST -H "Authorization: Bearer $(./scribe token)" -H 'Content-Type: application/json' \
      -d '{"content":"Warm-up request of the resilience benchmark."}' "$GATEWAY_URL/api/writing-analysis/sensitivity" || true
    for id in $(instance_ids); do
      port=$(port_of "$id")
      (( $(requests_served "$port") > ${before[$id]} )) || all=0
    done
    (( all )) && return 0
    sleep 0.5
  done
  echo "run-resilience-bench: the gateway did not use every instance within 60 s" >&2
  exit 1
}

requests_served() {
  curl -s -m 3 "http://127.0.0.1:$1/actuator/prometheus" 2>/dev/null \
    | awk '/^http_server_requests_seconds_count\{/ && /method="POST"/ { sum += $NF } END { printf "%d", sum }'
}

# ---------------------------------------------------------------------------------------------
# Phase A: SIGKILL one instance under load

wait_all_used
# The victim is an extra instance, never the one on SCRIBE_WRITING_ANALYSIS_PORT: in the embedded
# profile ./scribe up starts that one first, so it hosts the H2 file of all instances, and killing
# it would measure the database failover instead of the gateway's routing.
victim=$(instance_ids | grep -v "^writing-analysis-${SCRIBE_WRITING_ANALYSIS_PORT:-8092}\$" | tail -n 1)
victim_port=$(port_of "$victim")
gateway_log=$RUN_DIR/logs/gateway.log
gateway_log_offset=$(stat -c %s "$gateway_log")
echo "--- phase A: ${RATE} rps for ${WARMUP} s + ${KILL_DURATION} s, SIGKILL $victim at ${KILL_AT} s"
start_load "$KILL_DURATION" "$out/kill.json"
sleep $((WARMUP + KILL_AT))
kill_ms=$(now_ms)
echo "kill -9 \$(pid of $victim)   # ${KILL_AT} s into the measured window" >>"$commands"
kill -9 "$(pid_of "$victim")"
wait "$LOAD_PID"

# The gateway logs every failed connection to an instance, on the proxy chain and in the tier
# router; the last such line for the dead instance marks the end of traffic to it.
tail -c +"$((gateway_log_offset + 1))" "$gateway_log" \
  | jq -rc --arg instance "127.0.0.1:$victim_port" \
      'select(.message? | strings | startswith("Connection to upstream instance failed")) | select(.instance == $instance) | .timestamp' \
      2>/dev/null >"$out/retries-to-dead-instance.txt" || true
retries_to_dead=$(wc -l <"$out/retries-to-dead-instance.txt")
if (( retries_to_dead > 0 )); then
  last_retry_ms=$(date -d "$(tail -n 1 "$out/retries-to-dead-instance.txt")" +%s%3N)
  routed_around_ms=$((last_retry_ms - kill_ms))
  (( routed_around_ms < 0 )) && routed_around_ms=0
else
  routed_around_ms=0
fi

echo "--- restoring $INSTANCES instances (./scribe up starts only the killed one)"
up

# ---------------------------------------------------------------------------------------------
# Phase B: rolling restart of every instance under load

wait_all_used
echo "--- phase B: ${RATE} rps for ${WARMUP} s + ${ROLLING_DURATION} s, rolling restart from 10 s"
start_load "$ROLLING_DURATION" "$out/rolling.json"
rolling_start=$SECONDS
sleep $((WARMUP + 10))
for id in $(instance_ids); do
  pid=$(pid_of "$id")
  echo "kill -TERM $pid ($id); wait for the exit; ./scribe up --instances writing-analysis=$INSTANCES --profile $PROFILE" >>"$commands"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  ./scribe up --instances "writing-analysis=$INSTANCES" --profile "$PROFILE" >/dev/null
  sleep "$SETTLE"
done
rolling_seconds=$((SECONDS - rolling_start - WARMUP - 10))
if kill -0 "$LOAD_PID" 2>/dev/null; then
  wait "$LOAD_PID"
else
  wait "$LOAD_PID" || true
fi
(( rolling_seconds + 10 <= ROLLING_DURATION )) \
  || echo "run-resilience-bench: WARNING: the rolling restart took ${rolling_seconds} s and outlasted the measured window" >&2

# ---------------------------------------------------------------------------------------------
# Report

summary() {
  jq -r '[.sent, (.errors | add // 0), .overall.p95Ms, .overall.p99Ms, .achievedRate,
          ((.errors | to_entries | map("\(.key) \(.value)") | join(", ")) // "")] | @tsv' "$1"
}
IFS=$'\t' read -r kill_sent kill_errors kill_p95 kill_p99 kill_rate kill_kinds < <(summary "$out/kill.json")
IFS=$'\t' read -r roll_sent roll_errors roll_p95 roll_p99 roll_rate roll_kinds < <(summary "$out/rolling.json")
rate_percent() { awk -v e="$1" -v s="$2" 'BEGIN { if (s == 0) print "n/a"; else printf "%.3f %%", 100 * e / s }'; }

{
  echo "# Resilience benchmark"
  echo
  echo "How the gateway rides out writing-analysis instance failures under a fixed request rate."
  echo "Written by \`benchmarks/run-resilience-bench.sh\` on $(date -u +%Y-%m-%d); rerun it to refresh this page."
  echo
  echo "Targets: error rate under 0.05 % while an instance is killed, no failed request during a"
  echo "rolling restart, and no request to a killed instance later than 1 s after the kill."
  echo
  echo "## Results"
  echo
  echo "| Phase | Requests | Failed | Error rate | p95 (ms) | p99 (ms) | Failures by kind |"
  echo "|---|---|---|---|---|---|---|"
  echo "| A: SIGKILL 1 of $INSTANCES instances | $kill_sent | $kill_errors | $(rate_percent "$kill_errors" "$kill_sent") | $kill_p95 | $kill_p99 | ${kill_kinds:-none} |"
  echo "| B: rolling restart of all $INSTANCES | $roll_sent | $roll_errors | $(rate_percent "$roll_errors" "$roll_sent") | $roll_p95 | $roll_p99 | ${roll_kinds:-none} |"
  echo
  echo "Phase A: the gateway logged $retries_to_dead failed connection(s) to the killed instance; the last"
  echo "one was ${routed_around_ms} ms after the kill. That is the time until no request goes to the dead"
  echo "instance, read from the gateway log (connections that were open at the kill fail at once)."
  echo
  echo "Phase B: the rolling restart took ${rolling_seconds} s (SIGTERM, exit, start, ${SETTLE} s settle, per instance)."
  if [[ "$PROFILE" == embedded ]]; then
    echo "In the embedded profile every instance uses the H2 file that the first instance hosts, so"
    echo "while that instance restarts the others may answer 503 \`UNAVAILABLE\` until H2 reconnects."
  fi
  echo
  echo "Latency is measured from the intended send time of each request (open model), so a stall"
  echo "shows up in the percentiles instead of lowering the rate."
  echo
  echo "## Setup"
  echo
  echo "- Profile: $PROFILE (./scribe up --profile $PROFILE)."
  echo "- JVM options of every component: \`$SCRIBE_JAVA_OPTS\`. With C2 on, the six JVMs of"
  echo "  this run compile for minutes after each start and saturate the two cores."
  echo "- Rate: $RATE requests per second; mix patterns 50 %, sensitivity 30 %, reflection 20 %."
  echo "- Phase A: ${WARMUP} s warm-up, ${KILL_DURATION} s measured, SIGKILL at ${KILL_AT} s."
  echo "- Phase B: ${WARMUP} s warm-up, ${ROLLING_DURATION} s measured, restarts from 10 s."
  echo "- Timeout per request: 10 s."
  echo
  echo "## Machine"
  echo
  echo '```'
  echo "date (UTC):  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit:      $(git rev-parse --short HEAD)"
  echo "nproc:       $(nproc)"
  echo "CPU:         $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:      $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)"
  echo "OS:          $(uname -sr)"
  echo "load average (1, 5, 15 min) at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  java -version 2>&1 | sed 's/^/java: /'
  echo '```'
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "benchmarks/run-resilience-bench.sh   # runs the following"
  cat "$commands"
  echo '```'
} >"$PAGE"

echo "results: $out"
echo "page:    $PAGE"
