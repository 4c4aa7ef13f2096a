#!/usr/bin/env bash
# Simulator capacity benchmark (not a test): starts the simulator jar on loopback and drives it with
# bench/LoadClient.java (closed loop, keep-alive), RUNS times per scenario, and prints the median requests/s.
#   (a) nothing configured          goal: >= 5,000 small requests/s
#   (b) --max-concurrent 16 --latency-ms 50, 64 client connections   goal: 320 requests/s +-10% (16 / 0.05 s)
# Usage: bench/sim-capacity.sh            (build first: mvn -B -q -pl looker-sim -DskipTests package)
# Knobs (env): RUNS=3 SECONDS_PER_RUN=10 WARMUP=3 CONNECTIONS_A=32 CONNECTIONS_B=64 SCALE=300 PATH_A=/api/4.0/user
# Each run stays under ~20 s. The 1-minute load average is logged with each run: on a shared 2-core machine other
# work steals CPU from both the simulator and the client, which shows first in (b)'s latency-bound figure. Results: a markdown table on stdout, raw lines in bench/results/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS_A=${CONNECTIONS_A:-32}
CONNECTIONS_B=${CONNECTIONS_B:-64}
SCALE=${SCALE:-300}
PATH_A=${PATH_A:-/api/4.0/user}

JAR=$(ls looker-sim/target/looker-sim-*-all.jar 2>/dev/null | head -1 || true)
if [[ -z "$JAR" ]]; then
  echo "no looker-sim/target/looker-sim-*-all.jar: build it with 'mvn -B -q -pl looker-sim -DskipTests package'" >&2
  exit 2
fi

WORK=$(mktemp -d)
SIM_PID=""
cleanup() {
  if [[ -n "$SIM_PID" ]]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"   # the simulator's console output holds its credentials: never keep it
}
trap cleanup EXIT

javac -d "$WORK/classes" bench/LoadClient.java
mkdir -p bench/results
RESULTS=bench/results/sim-capacity-$(date -u +%Y%m%dT%H%M%SZ).txt

# A fresh secret per run, passed to the simulator and to the load client through the environment only.
export BENCH_CLIENT_SECRET
BENCH_CLIENT_SECRET=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')

START_COUNT=0
start_sim() {
  # A new file per start: the background redirection truncates asynchronously, so a reused file could still show
  # the previous simulator's URL to the grep below.
  START_COUNT=$((START_COUNT + 1))
  SIM_OUT="$WORK/sim-$START_COUNT.out"
  java -jar "$JAR" --port 0 --scale "$SCALE" --seed 7 --client-id bench --client-secret "$BENCH_CLIENT_SECRET" "$@" \
    >"$SIM_OUT" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 200); do
    BASE_URL=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$SIM_OUT" | head -1 || true)
    # Printed is not yet listening on a loaded machine: wait until a TCP connect succeeds.
    if [[ -n "$BASE_URL" ]] && (exec 3<>"/dev/tcp/127.0.0.1/${BASE_URL##*:}") 2>/dev/null; then
      return 0
    fi
    kill -0 "$SIM_PID" 2>/dev/null || { echo "simulator exited:"; grep -v -i secret "$SIM_OUT"; exit 1; } >&2
    sleep 0.1
  done
  echo "simulator did not listen within 20 s:" >&2
  grep -v -i secret "$SIM_OUT" >&2
  exit 1
}

stop_sim() {
  kill "$SIM_PID" 2>/dev/null || true
  wait "$SIM_PID" 2>/dev/null || true
  SIM_PID=""
}

# run_scenario NAME CONNECTIONS PATH -- SIM_FLAGS... ; appends each run's rps to RPS_<NAME>
run_scenario() {
  local name=$1 connections=$2 path=$3; shift 4
  local list=()
  for i in $(seq 1 "$RUNS"); do
    start_sim "$@"
    local line
    line=$(java -cp "$WORK/classes" LoadClient --base-url "$BASE_URL" --client-id bench \
      --client-secret-env BENCH_CLIENT_SECRET --path "$path" --connections "$connections" \
      --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP")
    stop_sim
    echo "$name run $i: $line load_avg_1m=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RESULTS" >&2
    list+=("$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")")
  done
  eval "RPS_$name=(${list[*]})"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

run_scenario A "$CONNECTIONS_A" "$PATH_A" --
run_scenario B "$CONNECTIONS_B" "$PATH_A" -- --max-concurrent 16 --latency-ms 50

MED_A=$(median "${RPS_A[@]}")
MED_B=$(median "${RPS_B[@]}")
{
  echo "| scenario | client connections | runs (req/s) | median req/s | goal |"
  echo "| --- | --- | --- | --- | --- |"
  echo "| (a) nothing configured, GET $PATH_A | $CONNECTIONS_A | ${RPS_A[*]} | $MED_A | >= 5,000 |"
  echo "| (b) --max-concurrent 16 --latency-ms 50, GET $PATH_A | $CONNECTIONS_B | ${RPS_B[*]} | $MED_B | 320 +-10% (288-352) |"
} | tee -a "$RESULTS"
awk -v a="$MED_A" -v b="$MED_B" 'BEGIN {
  printf "goal (a) %s; goal (b) %s\n", (a >= 5000 ? "met" : "NOT met"), (b >= 288 && b <= 352 ? "met" : "NOT met") }' \
  | tee -a "$RESULTS"
