#!/usr/bin/env bash
# Restore benchmark: the real CLI backs up a simulator once, then restores the vault (restore bulk, child JVM)
# into fresh empty simulators with a stated capacity, for several worker counts. Results go to stdout;
# BENCHMARKS.md ("Restore") quotes medians.
# Usage: bench/restore.sh [REPEAT] [SCALE] [WORKERS] [CLIENTRATE]
#   WORKERS: comma list (default 1,2,4,8,16); CLIENTRATE: the restore's --rate-limit-per-second (default 100000,
#   a fixed in-flight limit at the workers; "auto" for the default adaptive limit with its slow start).
#   Issue #12 scenario 5: bench/restore.sh 3 200 16
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-3}"
scale="${2:-300}"
workers="${3:-1,2,4,8,16}"
clientrate="${4:-100000}"
mvn -B -q -o -pl lookervault -am package -DskipTests
CP="lookervault/target/test-classes:$(ls lookervault/target/lookervault-*-all.jar | head -1)"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
# capacity of the destination = 8 concurrent / 20 ms = 400 req/s; share = achieved req/s / 400
java -cp "$CP" io.lookervault.bench.RestoreBench scale="$scale" latency=20 concurrent=8 workers="$workers" \
  repeat="$repeat" clientrate="$clientrate"
