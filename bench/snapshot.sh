#!/usr/bin/env bash
# Snapshot benchmark (issue #15): a vault made by a real extract from the simulator, `snapshot push` to S3Proxy
# (in the driver JVM, loopback, filesystem backend; PUTs counted by the server), 1% of each type edited and
# extracted incrementally, a second push, then `snapshot pull`. The CLI runs as child JVMs.
# Usage: bench/snapshot.sh [SCALE] [ENCRYPT]   (default 50000 ≈ 48,000 items, encrypted)
#        bench/snapshot.sh /path/vault.db WORKDIR [ENCRYPT]   an existing vault (read only): one push, one pull
#          into a new folder in WORKDIR (S3Proxy's store too; that folder is deleted afterwards), e.g. the
#          481,000-item vault; WORKDIR needs about the vault's size twice free
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-50000}"
encrypt="${2:-true}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# one reactor run: the test classpath (S3Proxy is a test dependency) of lookervault, written last
mvn -B -q -o -pl lookervault -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
CP="lookervault/target/classes:lookervault/target/test-classes:looker-sim/target/classes:$(cat "$cp_file")"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
if [ -f "$scale" ]; then
  java -cp "$CP" io.lookervault.bench.SnapshotBench vault="$scale" work="${2:?WORKDIR}" encrypt="${3:-true}"
else
  java -cp "$CP" io.lookervault.bench.SnapshotBench scale="$scale" encrypt="$encrypt"
fi
