# Issue #12's verdicts from bench/adaptive.sh's raw lines: awk -f bench/adaptive-verdict.awk bench/results/adaptive-*.txt
function val(line, key) { return match(line, "(^| )" key "=[^ ]+") ? substr(line, index(substr(line, RSTART), "=") + RSTART, RLENGTH - length(key) - 1 - (substr(line, RSTART, 1) == " ")) : "" }
function median(arr, n,   i, j, t) {
  for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j-1] + 0 > arr[j] + 0; j--) { t = arr[j]; arr[j] = arr[j-1]; arr[j-1] = t }
  return n % 2 ? arr[(n+1)/2] : (arr[n/2] + arr[n/2+1]) / 2
}
function verdict(ok) { return ok ? "**met**" : "**NOT met**" }
function min(a, b) { return a < b ? a : b }
# scenario 1's share is of what its workers can have in flight: 10 x 1000/50 ms = 200 req/s, 16 -> 320
/^s1 full/ { w = val($0, "workers"); n1[w]++; sh = val($0, "req_per_s") / min(val($0, "capacity"), w * 1000 / 50)
  s1[w, n1[w]] = sh; f1 += val($0, "failures"); runs1[w] = runs1[w] sprintf(" %.3f", sh) }
/^s3 full/ { n3++; s3[n3] = val($0, "share") + 0; p3[n3] = val($0, "sim_p50_ms") + 0; f3 += val($0, "failures"); runs3 = runs3 " " val($0, "share") " (p50 " val($0, "sim_p50_ms") " ms)" }
/^s4 full/ { s4 = val($0, "share") + 0; f4 = val($0, "failures") + 0; late = $0; sub(/.*after_10s_429=/, "", late); split(late, lp, /[\/ ]/); l429 = lp[1] + 0; lall = lp[2] + 0 }
/^s5 restore/ { n5++; s5[n5] = val($0, "share") + 0; if (val($0, "status") != "COMPLETED") bad5++; runs5 = runs5 " " val($0, "share") }
/^s2 full/ { sec2 = val($0, "seconds") + 0; it2 = val($0, "items"); rq2 = val($0, "requests"); f2 = val($0, "failures") + 0 }
/^s6 +t=/ { t = $2; gsub(/[ts=]/, "", t); t += 0; fl6[t] = val($0, "sim_in_service") + val($0, "sim_waiting"); svc6[t] = val($0, "sim_in_service") + 0; if (t > last6) last6 = t }
/^s6 full/ { f6 = val($0, "failures") + 0 }
END {
  print "| # | scenario | runs | result | goal | verdict |"
  print "| --- | --- | --- | --- | --- | --- |"
  for (i = 1; i <= n1["10"]; i++) a[i] = s1["10", i]; m = median(a, n1["10"]); delete a
  printf "| 1 | 16 slots × 50 ms, 10 workers, 4,879 items |%s | %.3f of 200 req/s | ≥ 0.85 | %s |\n", runs1["10"], m, verdict(n1["10"] && m >= 0.85 && f1 == 0)
  for (i = 1; i <= n1["16"]; i++) a[i] = s1["16", i]; m = median(a, n1["16"]); delete a
  printf "| 1 | 16 slots × 50 ms, 16 workers, 4,879 items |%s | %.3f of 320 req/s | ≥ 0.9 | %s |\n", runs1["16"], m, verdict(n1["16"] && m >= 0.9 && f1 == 0)
  if (sec2 != "") printf "| 2 | %s items, 10 workers, 32 slots × 50 ms | 1 | %.1f min, %.0f items/s, %.2f requests/item, %d failures | < 15 min | %s |\n", it2, sec2 / 60, it2 / sec2, rq2 / it2, f2, verdict(sec2 < 900 && f2 == 0)
  else print "| 2 | 50,000 items | skipped (SKIP2=1) | | < 15 min | |"
  for (i = 1; i <= n3; i++) a[i] = s3[i]; m = median(a, n3); delete a
  for (i = 1; i <= n3; i++) a[i] = p3[i]; p = median(a, n3); delete a
  printf "| 3 | 8 slots × 50 ms, 32 workers |%s | %.3f of 160 req/s, p50 %.1f ms = %.2f× | ≥ 0.9, p50 ≤ 1.5× | %s |\n", runs3, m, p, p / 50, verdict(n3 && m >= 0.9 && p <= 75 && f3 == 0)
  pct = lall > 0 ? 100 * l429 / lall : 0
  printf "| 4 | 429s beyond 40 req/s, 8 workers | 1 | %.3f of 40 req/s; %d of %d = %.1f%% 429s after 10 s; %d failures | ≥ 0.9, ≤ 2%%, 0 failures | %s |\n", s4, l429, lall, pct, f4, verdict(s4 >= 0.9 && lall > 0 && pct <= 2 && f4 == 0)
  for (i = 1; i <= n5; i++) a[i] = s5[i]; m = median(a, n5); delete a
  printf "| 5 | restore, 16 workers, 8 slots × 20 ms, 1,310 items |%s | %.3f of 400 req/s | ≥ 0.9, completed | %s |\n", runs5, m, verdict(n5 && m >= 0.9 && bad5 == 0)
  # down: the first second after the drop from which the client's requests in flight stay <= 12 until the return
  down = -1; for (t = 10; t < 25 && down < 0; t++) { ok = 1; for (u = t; u < 25; u++) if (!(u in fl6) || fl6[u] > 12) ok = 0; if (ok) down = t - 10 }
  up = -1; for (t = 25; t <= last6 && up < 0; t++) if (svc6[t] >= 15) up = t - 25
  printf "| 6 | capacity 16 → 8 at 10 s → 16 at 25 s, 16 workers | 1 | in flight ≤ 12 from %s s after the drop, 15+ in service %s s after the return; %d failures | ≤ 5 s, ≤ 30 s, 0 failures | %s |\n", down < 0 ? "never" : down, up < 0 ? "never" : up, f6, verdict(down >= 0 && down <= 5 && up >= 0 && up <= 30 && f6 == 0)
}
