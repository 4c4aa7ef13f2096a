#!/usr/bin/env bash
# Export/import benchmark: the real CLI (bin/lookervault, launcher JVM options) on a demo vault of about 10,000
# items: export into an empty folder, export again (nothing changed), import the tree into a new vault,
# diff --dir. Prints seconds and peak RSS per step; BENCHMARKS.md ("Content as code") quotes medians.
# Usage: bench/export.sh [REPEAT] [SCALE]      (needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-3}"
scale="${2:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q -o -pl lookervault -am package -DskipTests
bin/lookervault --db "$work/demo.db" demo --scale "$scale" --no-changes -q > /dev/null
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
step() {
  local name="$1"; shift
  /usr/bin/time -f "$name %e s, peak RSS %M KB" "$@" > /dev/null 2>> "$work/times" || { cat "$work/times"; exit 1; }
}
for i in $(seq "$repeat"); do
  rm -rf "$work/tree" "$work/imported.db"*
  step export bin/lookervault --db "$work/demo.db" -q export "$work/tree"
  step export-unchanged bin/lookervault --db "$work/demo.db" -q export "$work/tree" --clean
  step import bin/lookervault --db "$work/imported.db" -q import "$work/tree"
  step diff-dir bin/lookervault --db "$work/demo.db" -q diff --dir "$work/tree"
done
echo "files: $(grep -c '"sha256"' "$work/tree/lookervault.json"), tree: $(du -sh "$work/tree" | cut -f1)"
grep -v '^Command' "$work/times" | sort
