#!/usr/bin/env bash
# Page-level load benchmark (issue 7; results in docs/performance.md). Serves the fixed page (20 statements on
# H2, a Thymeleaf template with fragments, 5 JCache operations) with embedded Jetty in three modes, each from a JVM
# of its own: none (no toolbar), hidden (toolbar installed, client not allowed) and shown (toolbar recorded and
# injected). wrk loads each mode on loopback, after a warm-up long enough for the JIT (a mode reaches its steady
# rate after 30 to 50 s on 2 cores), in interleaved rounds (none, hidden, shown, none, ...), and the
# medians over the rounds are reported, with the ratios to no toolbar and the server's CPU time per request
# (user and system, all its threads, GC included, from /proc: steadier than throughput on a shared machine).
#
# Usage: benchmarks/load.sh [rounds=5] [seconds per run=10]
# Environment: CONNECTIONS (4), WARMUP seconds per mode (60), LAUNCHES of fresh JVMs whose rounds are pooled (1),
# SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar, JAVA_OPTS for the servers (default -Xms512m -Xmx512m).
# To profile one mode, run its server alone with JFR and load it with wrk (docs/performance.md has the commands).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds="${1:-5}"
seconds="${2:-10}"
connections="${CONNECTIONS:-4}"
warmup="${WARMUP:-60}"
launches="${LAUNCHES:-1}"
modes=(none hidden shown)

command -v wrk >/dev/null 2>&1 || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "curl is missing: apt-get install curl" >&2; exit 2; }
[[ -n "${SKIP_BUILD:-}" ]] || mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests

work="$(mktemp -d)"
# One JVM per mode, as an application runs in one: sharing a JVM, the modes' code would share the JIT's profiles.
# A JVM's JIT may come out a little better or worse than the next one's, so LAUNCHES runs it all with fresh JVMs.
declare -A server root
stop_servers() {
  for pid in "${server[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  server=()
}
trap 'stop_servers; rm -rf "$work"' EXIT

# wrk's latency figures in ms, whatever unit it printed them in
to_ms='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }'
# the server's CPU time (user + system) in clock ticks, from /proc
server_ticks() { awk '{ print $14 + $15 }' "/proc/${server[$1]}/stat"; }
ticks_per_second=$(getconf CLK_TCK)

launch() {
  for mode in "${modes[@]}"; do
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    java ${JAVA_OPTS:--Xms512m -Xmx512m} -cp benchmarks/target/benchmarks.jar \
      dev.debugtoolbar.benchmarks.page.PageServer 0 "$mode" >"$work/$mode.log" 2>&1 &
    server[$mode]=$!
  done
  for mode in "${modes[@]}"; do
    for _ in $(seq 300); do
      grep -q '^Serving' "$work/$mode.log" && break
      kill -0 "${server[$mode]}" 2>/dev/null || { cat "$work/$mode.log" >&2; exit 1; }
      sleep 0.1
    done
    root[$mode]="$(sed -n 's/^Serving the fixed page on //p' "$work/$mode.log")"
    [[ -n "${root[$mode]}" ]] || { echo "The $mode page server did not start:" >&2; cat "$work/$mode.log" >&2; exit 1; }
  done

  # Each mode must be what it claims: only 'shown' carries the toolbar's header and loader tag.
  for mode in "${modes[@]}"; do
    curl -s -D "$work/headers" -o "$work/body" "${root[$mode]}$mode/"
    header=$(grep -ci '^X-Debug-Toolbar-Id:' "$work/headers" || true)
    tag=$(grep -c 'data-tb-id=' "$work/body" || true)
    rows=$(grep -o '<tr><td>' "$work/body" | wc -l)
    expected=0; [[ "$mode" == shown ]] && expected=1
    if [[ "$header" != "$expected" || "$tag" != "$expected" || "$rows" != 20 ]]; then
      echo "Mode $mode is wrong: toolbar header $header, loader tag $tag, rows $rows" >&2
      exit 1
    fi
  done

  for mode in "${modes[@]}"; do
    wrk -t1 -c"$connections" -d"${warmup}s" "${root[$mode]}$mode/" >/dev/null
  done

  for round in $(seq "$rounds"); do
    for mode in "${modes[@]}"; do
      before=$(server_ticks "$mode")
      wrk -t1 -c"$connections" -d"${seconds}s" --latency "${root[$mode]}$mode/" >"$work/run"
      after=$(server_ticks "$mode")
      awk -v ticks=$((after - before)) -v hz="$ticks_per_second" "$to_ms"'
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec:/ { rps = $2 }
        / requests in / { requests = $1 }
        / Socket errors| Non-2xx/ { bad = 1 }
        END { if (bad || rps == "" || requests == 0) { print "wrk reported errors" > "/dev/stderr"; exit 1 }
              printf "%s %.3f %.3f %.4f\n", rps, p50, p99, 1000 * ticks / hz / requests }' "$work/run" >>"$work/$mode"
      printf 'launch %d round %d %-6s %s\n' "$1" "$round" "$mode" "$(tail -n 1 "$work/$mode" | awk '{ printf "%9.1f req/s  p50 %6.3f ms  p99 %6.3f ms  server CPU %.3f ms/req", $1, $2, $3, $4 }')"
    done
  done
  stop_servers
}

echo "load before: $(uptime)"
for launch_number in $(seq "$launches"); do
  launch "$launch_number"
done
echo "load after: $(uptime)"

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
printf '%-7s %12s %10s %10s %14s %12s\n' mode "req/s" "p50 ms" "p99 ms" "vs none req/s" "CPU ms/req"
base=$(cut -d' ' -f1 "$work/none" | median)
for mode in "${modes[@]}"; do
  rps=$(cut -d' ' -f1 "$work/$mode" | median)
  p50=$(cut -d' ' -f2 "$work/$mode" | median)
  p99=$(cut -d' ' -f3 "$work/$mode" | median)
  cpu=$(cut -d' ' -f4 "$work/$mode" | median)
  awk -v m="$mode" -v r="$rps" -v a="$p50" -v b="$p99" -v n="$base" -v c="$cpu" \
    'BEGIN { printf "%-7s %12.1f %10.3f %10.3f %13.1f%% %12.3f\n", m, r, a, b, 100 * r / n, c }'
done
echo "(medians of $launches x $rounds rounds of ${seconds}s, wrk -t1 -c$connections, after ${warmup}s warm-up per mode and launch)"
