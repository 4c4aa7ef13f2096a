#!/usr/bin/env bash
# Extraction benchmarks: the real CLI (child JVM under /usr/bin/time -v) against the simulator started in the
# driver JVM with a stated capacity. Results go to stdout; BENCHMARKS.md ("Extraction") quotes medians.
# Usage: bench/extract.sh [workers|ratelimit|local|memory|incremental|adaptive|scenario2|all] [REPEAT]
# The CLI's JVM gets bin/lookervault's default options unless BENCH_JVM_OPTS says otherwise; BIG=1 adds the
# 500,000-item memory run (about 10 minutes). Each scenario but memory/incremental starts with one unmeasured
# warm-up run, so that the simulator is a warm server like a real Looker.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
repeat="${2:-3}"
mvn -B -q -o -pl lookervault -am package -DskipTests
CP="lookervault/target/test-classes:$(ls lookervault/target/lookervault-*-all.jar | head -1)"
run() { java -cp "$CP" io.lookervault.bench.ExtractBench "$@"; }
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
case "$what" in workers|all)
  # capacity = 16 concurrent / 50 ms = 320 req/s; share = achieved req/s / 320
  run scale=1000 latency=50 concurrent=16 workers=1,2,4,8,16,32 repeat="$repeat" ;; esac
case "$what" in ratelimit|all)
  # the simulator answers 429 beyond 20 req/s; the client is capped at 20 req/s too
  run scale=500 latency=0 simrate=20 clientrate=20 workers=8 repeat=1 warmup=false ;; esac
case "$what" in adaptive|all)
  # issue #12, defaults only (rate_limit_per_second = auto): 1. 16 x 50 ms, 10 and 16 workers
  run scale=1000 latency=50 concurrent=16 workers=10,16 clientrate=auto repeat="$repeat"
  # 1 again at scale 5000 (4,800 items, ~9,700 requests): the 988-item run is mostly JVM start and C1 warm-up
  run scale=5000 latency=50 concurrent=16 workers=10,16 clientrate=auto repeat="$repeat"
  # 3. gentle: a Looker of 8 at a time, 32 workers: the limit settles near 8 + a few, not 32
  run scale=1000 latency=50 concurrent=8 workers=32 clientrate=auto repeat="$repeat"
  # 4. a Looker that answers 429 beyond 40 req/s, no ceiling on our side
  run scale=1000 latency=0 concurrent=0 simrate=40 workers=8 clientrate=auto repeat=1 warmup=false
  # 6. capacity 16 -> 8 after 10 s, back to 16 after 25 s
  run scale=3000 latency=50 concurrent=16 workers=16 clientrate=auto halve=10,25 repeat=1 ;; esac
case "$what" in scenario2)
  # issue #12 scenario 2: 50,000 items (48,151), defaults, 10 workers, a Looker of 32 slots x 50 ms (goal < 15 min);
  # about 4 + 4 minutes with its warm-up run. Not part of "all"
  run scale=50000 latency=50 concurrent=32 workers=10 clientrate=auto repeat=1 ;; esac
case "$what" in local|all)
  run scale=20000 latency=0 concurrent=0 workers=8 repeat="$repeat" ;; esac
case "$what" in memory|all)
  run scale=50000 latency=0 concurrent=0 workers=8 repeat=1 warmup=false
  if [ "${BIG:-0}" = 1 ]; then run scale=500000 latency=0 concurrent=0 workers=8 repeat=1 warmup=false; fi ;; esac
case "$what" in incremental|all)
  run scale=50000 latency=0 concurrent=0 workers=8 incremental=true repeat=1 warmup=false ;; esac
