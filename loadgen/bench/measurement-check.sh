#!/usr/bin/env bash
# Measurement check for the client-side latency recording (issue 5).
#
#  A. 20 tips/s, metadata only, against tipline with debug.fixedResponseDelay = 0
#  B. the same with fixedResponseDelay = 50ms
#  C. as B, and the server JVM is paused (SIGSTOP) for 2 s at about t = 8 s
#
# The server's own work (durable journal write before the 201) adds a few ms to every answer, so
# the delay a perfect client sees is 50 ms plus that. Checks: in B the client's p50 and p99 are
# within 10% of the server's own record of the same requests (/measure/histograms); the p50 rises
# by 50 ms +-10% from A to B (p99 +-20%, percentiles of two noisy runs do not subtract exactly);
# in C the coordinated-omission-corrected p99 rises to the pause (>= 1 s).
# Warm-up intervals (first 2 s) are left out. Needs loadgen/target/tipflood.jar and
# server/target/tipflood-server.jar (mvn -B package -DskipTests). Loopback only, ~90 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=loadgen/target/tipflood.jar
RES=loadgen/src/test/resources/measure
OUT=${OUT:-$(mktemp -d /tmp/tipflood-measure-check.XXXXXX)}
mkdir -p "$OUT"
sed 's/fixedResponseDelay: 50ms/fixedResponseDelay: 0ms/' "$RES/fixed-delay-profile.yaml" > "$OUT/no-delay-profile.yaml"

# run NAME PROFILE PAUSE(0|1) -> prints the run directory
run() {
  local name=$1 profile=$2 pause=$3 parent="$OUT/$1"
  mkdir -p "$parent"
  java -jar "$JAR" run "$RES/fixed-delay.yaml" --profile "$profile" --out "$parent" --grace 5s \
      > "$parent/cli.out" 2> "$parent/cli.err" &
  local cli=$!
  if [ "$pause" = 1 ]; then
    local dir="" pid=""
    until [ -n "$pid" ]; do
      kill -0 "$cli" 2>/dev/null || { echo "run $name ended early: $(tail -1 "$parent/cli.err")" >&2; exit 1; }
      sleep 0.2
      dir=$(ls -d "$parent"/*-measure-check 2>/dev/null | head -1 || true)
      [ -n "$dir" ] && pid=$(grep -o '"pid" : [0-9]*' "$dir/manifest.json" 2>/dev/null | head -1 | grep -o '[0-9]*$' || true)
    done
    until [ -f "$dir/client/progress.ndjson" ] && [ "$(wc -l < "$dir/client/progress.ndjson")" -ge 8 ]; do
      kill -0 "$cli" 2>/dev/null || { echo "run $name ended early" >&2; exit 1; }
      sleep 0.1
    done
    kill -STOP "$pid"; echo "paused server pid $pid for 2 s" >&2
    sleep 2
    kill -CONT "$pid"
  fi
  wait "$cli" || { echo "run $name failed: $(tail -1 "$parent/cli.err")" >&2; exit 1; }
  ls -d "$parent"/*-measure-check | head -1
}

# field RUN_DIR corrected|raw p50|p99 -> milliseconds
field() {
  local line
  line=$(java -jar "$JAR" summarize "$1" --skip 2 | grep 'accepted tip latency')
  if [ "$2" = corrected ]; then line=${line%%(corrected)*}; else line=${line#*(corrected);}; fi
  echo "$line" | grep -o "$3 [0-9.]*m\?s" | head -1 | awk '{v=$2; if (v ~ /ms$/) {sub("ms","",v)} else {sub("s","",v); v=v*1000}; print v}'
}

A=$(run a-no-delay "$OUT/no-delay-profile.yaml" 0)
B=$(run b-delay-50ms "$RES/fixed-delay-profile.yaml" 0)
C=$(run c-delay-50ms-paused "$RES/fixed-delay-profile.yaml" 1)

printf '%-28s %10s %10s %10s %10s\n' run raw-p50 raw-p99 corr-p50 corr-p99
for r in "$A" "$B" "$C"; do
  printf '%-28s %10s %10s %10s %10s\n' "$(basename "$(dirname "$r")")" "$(field "$r" raw p50)" "$(field "$r" raw p99)" \
      "$(field "$r" corrected p50)" "$(field "$r" corrected p99)"
done
verdict() { awk -v d="$1" -v lo="$2" -v hi="$3" -v what="$4" 'BEGIN { ok = (d >= lo && d <= hi); printf "%-52s %7.1f ms  %s\n", what, d, ok ? "PASS" : "FAIL"; exit !ok }'; }
# server-side latency of the same requests (first handler to response end, µs log), run B
server() { java -jar "$JAR" summarize "$1" --skip 2 --server | grep '^server .*ep=tips.post;out=201' | grep -o "$2 [0-9.]*ms" | awk '{sub("ms","",$2); print $2}' ; }
status=0
for q in p50 p99; do
  s=$(server "$B" $q); c=$(field "$B" raw $q)
  echo "B server-side $q ${s} ms, client raw $q ${c} ms"
  verdict "$(awk -v c="$c" -v s="$s" 'BEGIN{print c-s}')" -100 "$(awk -v s="$s" 'BEGIN{print s/10}')" \
      "client raw $q minus server $q (B, within 10% of server)" || status=1
done
d=$(awk -v b="$(field "$B" raw p50)" -v a="$(field "$A" raw p50)" 'BEGIN{print b-a}')
verdict "$d" 45 55 "raw p50 rise from the 50 ms delay (B - A, 45..55)" || status=1
d=$(awk -v b="$(field "$B" raw p99)" -v a="$(field "$A" raw p99)" 'BEGIN{print b-a}')
verdict "$d" 40 60 "raw p99 rise from the 50 ms delay (B - A, 40..60)" || status=1
d=$(field "$C" corrected p99)
verdict "$d" 1000 100000 "corrected p99 with a 2 s server pause (>= 1000)" || status=1
echo "runs in $OUT"
exit $status
