#!/usr/bin/env bash
# Soak (issue #13): an extract of SCALE items from a simulator that fails 5% of requests (5xx, resets, slow and
# cut-short answers) and answers 429 beyond RATE req/s, killed with kill -9 KILLS times at random points, then
# resumed to the end. Pass: the vault holds exactly what a clean extract of the same content holds (same type,
# id and SHA-256 of every live item) and `verify` is sound. Not part of CI; BENCHMARKS.md quotes its result.
# Usage: bench/soak.sh [SCALE=50000] [KILLS=3] [RATE=300]
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-50000}"; kills="${2:-3}"; rate="${3:-300}"
mvn -B -q -o -DskipTests package
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

serve() { # name, extra simulator flags...; sets BASE for that simulator
  local name="$1"; shift
  bin/lookervault sim serve --port 0 --scale "$scale" --seed 7 --client-id soak --client-secret soak-secret "$@" \
    >"$work/$name.out" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 600); do
    BASE="$(sed -n 's/^LOOKERSDK_BASE_URL=//p' "$work/$name.out" | head -1)"
    [ -n "$BASE" ] && return 0
    sleep 0.5
  done
  echo "simulator $name did not start" >&2; cat "$work/$name.out" >&2; exit 1
}
# `env` execs the launcher, which execs java: a background lv's $! is the JVM itself, so kill -9 hits LookerVault
lv() { env LOOKERSDK_BASE_URL="$BASE" LOOKERSDK_CLIENT_ID=soak LOOKERSDK_CLIENT_SECRET=soak-secret bin/lookervault "$@"; }
live() { sqlite3 "$1" "SELECT type, id, hash FROM items WHERE deleted_run IS NULL ORDER BY type, id"; }

echo "# soak $(date -u +%FT%TZ) scale=$scale kills=$kills rate=$rate/s fault-rate=0.05 $(nproc) cores load $(cut -d' ' -f1-3 /proc/loadavg)"
serve faulty --fault-rate 0.05 --rate-limit-per-second "$rate"
start=$(date +%s)
for k in $(seq 1 "$kills"); do
  env LOOKERSDK_BASE_URL="$BASE" LOOKERSDK_CLIENT_ID=soak LOOKERSDK_CLIENT_SECRET=soak-secret \
    bin/lookervault --db "$work/soak.db" -q extract >"$work/kill$k.log" 2>&1 &
  pid=$!
  after=$(( (RANDOM % 20) + 5 ))
  sleep "$after"
  if kill -9 "$pid" 2>/dev/null; then echo "kill -9 #$k after ${after}s"; else echo "run #$k ended before its kill"; fi
  wait "$pid" 2>/dev/null || true
done
set +e
for attempt in 1 2 3; do # a resumed run may end with items failed by the faults: the next resume fetches them
  lv --db "$work/soak.db" --output json extract >"$work/final$attempt.json" 2>"$work/final$attempt.err"
  code=$?
  echo "resumed run $attempt: exit $code"
  [ "$code" = 0 ] && break
done
set -e
echo "soak total: $(( $(date +%s) - start )) s; runs: $(sqlite3 "$work/soak.db" "SELECT count(*) FROM runs")"
sqlite3 "$work/soak.db" "SELECT 'requests=' || sum(requests) || ' retries=' || sum(retries) || ' rate_limited=' || sum(rate_limited) FROM runs"
serve clean
lv --db "$work/clean.db" -q extract >/dev/null
live "$work/soak.db" >"$work/soak.items"; live "$work/clean.db" >"$work/clean.items"
if cmp -s "$work/soak.items" "$work/clean.items"; then
  echo "PASS items equal: $(wc -l <"$work/soak.items") live items, same ids and hashes as a clean run"
else
  echo "FAIL items differ from a clean run:"; diff "$work/soak.items" "$work/clean.items" | head -20; exit 1
fi
lv --db "$work/soak.db" verify >"$work/verify.out" 2>&1 && echo "PASS verify sound" \
  || { echo "FAIL verify:"; tail -20 "$work/verify.out"; exit 1; }
