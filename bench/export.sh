#!/usr/bin/env bash
# Export/import benchmark: the real CLI (bin/lookervault, launcher JVM options) on a demo vault of about 10,000
# items: export into an empty folder, export again (nothing changed), import the tree into a new vault,
# diff --dir. Prints wall seconds, CPU seconds (user+sys) and peak RSS per step, then the median of each;
# BENCHMARKS.md ("Content as code") quotes them. On a shared machine the CPU seconds are the honest number.
# Usage: bench/export.sh [REPEAT] [SCALE]      (needs /usr/bin/time)
#   BENCH_JVMS="c1 c2 c2ci2 c2par launcher"  JVM settings to compare, alternating within each round (default:
#                       launcher = the options bin/lookervault picks per command):
#                       c1     -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 (the launcher's default)
#                       c2     -Xmx320m -XX:+UseSerialGC (C2 allowed, the JVM's compiler threads: 2 on 2 cores)
#                       c2ci2  c2 with -XX:CICompilerCount=2 (one C1 and one C2 compiler thread)
#                       c2par  -Xmx512m -XX:+UseParallelGC (C2 allowed, parallel collector, more heap)
#   BENCH_STEPS="export import"  only these steps (default: export export-unchanged import diff-dir)
#   BENCH_NO_BUILD=1    use the jar already built
#   BENCH_JAR=path      run this jar (java OPTS -jar) instead of bin/lookervault, e.g. a build of another commit
#   BENCH_DB=path       use this demo vault (made with: demo --scale SCALE --no-changes) instead of making one
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-3}"
scale="${2:-10000}"
jvms="${BENCH_JVMS:-launcher}"
steps=" ${BENCH_STEPS:-export export-unchanged import diff-dir} "
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -n "${BENCH_NO_BUILD:-}" ] || [ -n "${BENCH_JAR:-}" ] || mvn -B -q -o -pl lookervault -am package -DskipTests
lv="bin/lookervault"
if [ -n "${BENCH_JAR:-}" ]; then
  lv="$work/lv"
  printf '#!/usr/bin/env bash\nexec java ${LOOKERVAULT_JAVA_OPTS:--Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar %q "$@"\n' \
    "$(realpath "$BENCH_JAR")" > "$lv"
  chmod +x "$lv"
fi
db="${BENCH_DB:-$work/demo.db}"
[ -n "${BENCH_DB:-}" ] || "$lv" --db "$db" demo --scale "$scale" --no-changes -q > /dev/null
echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $(java -version 2>&1 | head -1)"
step() {
  local name="$1"; shift
  [[ "$steps" == *" ${name%@*} "* ]] || return 0
  /usr/bin/time -f "$name %e %U %S %M" "$@" > /dev/null 2>> "$work/times" || { cat "$work/times"; exit 1; }
}
for i in $(seq "$repeat"); do
  for jvm in $jvms; do
    case "$jvm" in
      c1) export LOOKERVAULT_JAVA_OPTS="-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" ;;
      c2) export LOOKERVAULT_JAVA_OPTS="-Xmx320m -XX:+UseSerialGC" ;;
      c2ci2) export LOOKERVAULT_JAVA_OPTS="-Xmx320m -XX:+UseSerialGC -XX:CICompilerCount=2" ;;
      c2par) export LOOKERVAULT_JAVA_OPTS="-Xmx512m -XX:+UseParallelGC" ;;
      launcher) unset LOOKERVAULT_JAVA_OPTS ;;
      *) echo "unknown JVM setting $jvm (c1, c2, c2ci2, c2par or launcher)" >&2; exit 2 ;;
    esac
    rm -rf "$work/tree" "$work/imported.db"*
    step "export@$jvm" "$lv" --db "$db" -q export "$work/tree"
    step "export-unchanged@$jvm" "$lv" --db "$db" -q export "$work/tree" --clean
    step "import@$jvm" "$lv" --db "$work/imported.db" -q import "$work/tree"
    step "diff-dir@$jvm" "$lv" --db "$db" -q diff --dir "$work/tree"
    echo "# run $i $jvm done, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "files: $(grep -c '"sha256"' "$work/tree/lookervault.json"), tree: $(du -sh "$work/tree" | cut -f1), load now $(cut -d' ' -f1 /proc/loadavg)"
grep -v '^Command' "$work/times" | sort | awk '
  { wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4); rss[$1] = $5 }
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END { printf "%-26s %10s %12s %10s\n", "step", "wall s", "CPU s", "RSS MB"
        for (s in wall) printf "%-26s %10.1f %12.1f %10d\n", s, median(wall[s]), median(cpu[s]), rss[s] / 1024 }'
