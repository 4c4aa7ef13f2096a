#!/usr/bin/env bash
# Issue #12's six scenarios in one run, each judged against its goal (about 30 minutes on 2 cores):
#   1. defaults, 16 slots x 50 ms, 4,879 items: 10 workers >= 0.85 of 200 req/s, 16 workers >= 0.9 of 320 req/s
#   2. 50,000 items (48,195), defaults, 10 workers, 32 slots x 50 ms: under 15 minutes
#   3. 8 slots x 50 ms, 32 workers: >= 0.9 of 160 req/s and p50 time in Looker <= 1.5 x 50 ms
#   4. a Looker that answers 429 beyond 40 req/s: >= 0.9 of 40 req/s, <= 2% 429s after the first 10 s, 0 failures
#   5. restore bulk --workers 16 into an empty simulator of 8 slots x 20 ms (1,310 items): >= 0.9 of 400 req/s
#   6. capacity 16 -> 8 at 10 s -> 16 at 25 s, 16 workers: in flight <= 12 within 5 s of the drop and for the rest
#      of it, 15+ in service within 30 s of the return, 0 failures
# Medians of REPEAT runs (default 3) for 1, 3 and 5; one run for 2, 4 and 6. Every scenario but 4 starts with one
# unmeasured warm-up run, so the simulator is a warm server like a real Looker. Raw lines go to
# bench/results/adaptive-<time>.txt (not committed), then the verdict table (bench/adaptive-verdict.awk).
# Usage: bench/adaptive.sh [REPEAT]        SKIP2=1 leaves out scenario 2 (about 16 of the 30 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-3}"
mvn -B -q -o -pl lookervault -am package -DskipTests
CP="lookervault/target/test-classes:$(ls lookervault/target/lookervault-*-all.jar | head -1)"
mkdir -p bench/results
RAW=bench/results/adaptive-$(date -u +%Y%m%dT%H%M%SZ).txt
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), main at $(git rev-parse --short HEAD)" | tee "$RAW"
extract() { local tag=$1; shift; java -cp "$CP" io.lookervault.bench.ExtractBench "$@" | sed "s/^/$tag /" | tee -a "$RAW"; }
restore() { local tag=$1; shift; java -cp "$CP" io.lookervault.bench.RestoreBench "$@" | sed "s/^/$tag /" | tee -a "$RAW"; }

extract s1 scale=5000 latency=50 concurrent=16 workers=10,16 clientrate=auto repeat="$repeat"
extract s3 scale=1000 latency=50 concurrent=8 workers=32 clientrate=auto repeat="$repeat"
extract s4 scale=1000 latency=0 concurrent=0 simrate=40 workers=8 clientrate=auto repeat=1 warmup=false
extract s6 scale=3000 latency=50 concurrent=16 workers=16 clientrate=auto halve=10,25 repeat=1
restore s5 scale=1000 latency=20 concurrent=8 workers=16 clientrate=auto repeat="$repeat"
if [ "${SKIP2:-0}" != 1 ]; then
  extract s2 scale=50000 latency=50 concurrent=32 workers=10 clientrate=auto repeat=1
fi

echo "# $(date -u +%FT%TZ) done" | tee -a "$RAW"
# The verdicts, from the raw lines alone (rerun on an old file: awk -f bench/adaptive-verdict.awk FILE)
echo | tee -a "$RAW"
awk -f bench/adaptive-verdict.awk "$RAW" | tee -a "$RAW"
