#!/usr/bin/env bash
# Recording overhead of tipflood's load generator against plain Gatling (issue 18), side by side.
#
# Both drive the server jar's bare Vert.x endpoint on loopback (it answers 201 at once and
# stores nothing), with the same load: R tips/s, evenly spaced, for STEP_SECONDS, one multipart
# POST per tip with a ~144-byte metadata part and no media, one connection per tip:
#   plain     loadgen/bench/plain/PlainTipSimulation.java (constantUsersPerSec(R)), compiled here,
#             run with the JVM flags tipflood gives its Gatling child (-Xmx1g, ParallelGC);
#   tipflood  `tipflood run` on the equivalent scenario (one legit population, constant arrivals,
#             types none, timeout 10 s, no retries) with --target the same endpoint.
# For every rate the two alternate, ABBA over ROUNDS rounds (odd rounds plain first, even
# rounds tipflood first), so drift in the shared machine's load falls on both alike.
#
# CPU per request: utime+stime of the Gatling JVM (from /proc/PID/stat) over a steady window
# (from SKIP s to SKIP+WINDOW s after Gatling prints "Simulation ... started"), divided by the
# requests scheduled in that window (R x window: both are open models); "no-JIT" leaves out the
# CPU of the JIT compiler threads (C1, C2), which is warm-up, not per-request work. Achieved rate: OK
# responses over the schedule, from Gatling's own final count (the same line for both tools).
# Allocation per request (contention-free, unlike CPU time on a shared machine): bytes the JVM
# allocated per second over the same window (JFR, jdk.ThreadAllocationStatistics only, see
# loadgen/bench/jfr/), divided by R.
# A step is sustained when OK >= 99.5% of planned and no KO (Gatling's p99 is printed, not used:
# over the whole run it is the start-up spike's); the max sustained rate is the highest rate at
# which every round of that tool was sustained.
#
# The per-request figure divides by the scheduled requests, so it means something only for a
# sustained step; the table pools sustained rounds only (n/s: none sustained).
# `overhead-vs-plain.sh --table OUT/rows.txt` prints the table of an earlier run again.
# Usage: [RATES="1000 2000 4000 6000"] [ROUNDS=2] [STEP_SECONDS=25] [SKIP=8] [WINDOW=12]
#        [NICE=-5] [JFC=jfr-settings] [PLAIN_FEATURES=metadata,headers,ack,lead] [TIPFLOOD_ARGS="..."] [TIPFLOOD_JAR=jar] [OUT=dir] loadgen/bench/overhead-vs-plain.sh
#   PLAIN_FEATURES  add these features of tipflood's to the plain simulation (see
#         PlainTipSimulation.java): what each of them costs on its own.
#   NICE  run the endpoint and both tools at this nice value (negative needs root), to take the
#         rest of a shared machine's load out of the figures (and CPU from the rest).
# Needs loadgen/target/tipflood.jar and server/target/tipflood-server.jar
# (mvn -B package -DskipTests). Loopback only; every run is bounded by Gatling's max duration
# (STEP_SECONDS + grace) and killed 60 s after it at the latest. About 2 x ROUNDS x
# (STEP_SECONDS + 10) s per rate.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=$PWD/loadgen/target/tipflood.jar
# TIPFLOOD_JAR: the tipflood.jar to measure (e.g. one built from an older commit); the plain
# simulation always runs on $JAR's Gatling.
TIPFLOOD_JAR=${TIPFLOOD_JAR:-$JAR}
SERVER_JAR=$PWD/server/target/tipflood-server.jar
BENCH_JAR=$PWD/bench/target/benchmarks.jar
RATES=${RATES:-"1000 2000 4000 6000"}
ROUNDS=${ROUNDS:-2}
STEP_SECONDS=${STEP_SECONDS:-25}
SKIP=${SKIP:-8}
WINDOW=${WINDOW:-12}
read -r -a EXTRA <<< "${TIPFLOOD_ARGS:-}"
PLAIN_FEATURES=${PLAIN_FEATURES:-}
OUT=${OUT:-$(mktemp -d /tmp/tipflood-overhead.XXXXXX)}
mkdir -p "$OUT"
for f in "$JAR" "$SERVER_JAR" "$BENCH_JAR"; do
  [ -f "$f" ] || { echo "$f is missing: mvn -B package -DskipTests" >&2; exit 1; }
done
# Copies: a rebuild during the run (mvn package) must not change or break the jars under test.
mkdir -p "$OUT/jars"
cp "$JAR" "$OUT/jars/gatling.jar"
cp "$TIPFLOOD_JAR" "$OUT/jars/tipflood.jar"
cp "$SERVER_JAR" "$OUT/jars/tipflood-server.jar"
cp "$BENCH_JAR" "$OUT/jars/benchmarks.jar"
JAR=$OUT/jars/gatling.jar
TIPFLOOD_JAR=$OUT/jars/tipflood.jar
SERVER_JAR=$OUT/jars/tipflood-server.jar
BENCH_JAR=$OUT/jars/benchmarks.jar
[ $((SKIP + WINDOW)) -lt "$STEP_SECONDS" ] || { echo "SKIP + WINDOW must be < STEP_SECONDS" >&2; exit 2; }
HZ=$(getconf CLK_TCK)
PRIO=()
[ -n "${NICE:-}" ] && PRIO=(nice -n "$NICE")
GATLING_FLAGS=(-Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang=ALL-UNNAMED)
# The JFR window: from about when the CPU window starts (the JVM needs ~3 s to start Gatling).
# JFC: the JFR settings (default jfr/alloc.jfc; jfr/profile.jfc adds execution and allocation samples
# for jfr/Hotspots.java, at some CPU cost of its own).
JFC=$(realpath "${JFC:-loadgen/bench/jfr/alloc.jfc}")
jfr_flag() { echo "-XX:StartFlightRecording=delay=$((SKIP + 3))s,duration=${WINDOW}s,settings=$JFC,filename=$1"; }
# alloc JFR RATE -> bytes allocated per scheduled request
alloc() {
  local rate
  rate=$(java loadgen/bench/jfr/AllocationRate.java "$1" 2> /dev/null) || rate="0 0" # no or a torn recording
  echo "$rate" | awk -v r="$2" '{ printf "%.0f", $1 / r }'
}

# table ROWS: the per-rate table, pooled over the sustained rounds
table() {
  awk -v secs="$STEP_SECONDS" '
    function fmt(x) { return x > 0 ? sprintf("%.1f", x) : "n/s" }
    { key = $1 SUBSEP $2; n[key]++; ok[key] += $6
      sus = ($6 >= 0.995 * $2 * secs && $7 == 0 && $5 > 0); good[key] += sus
      if (sus) { cpu[key] += $4; req[key] += $2 * $5; by[key] += $9; nb[key]++; jit[key] += $10 }
      if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
    END {
      printf "%8s %14s %14s %14s %14s %8s %12s %12s %8s %14s %14s %8s\n", "rate/s", "plain achieved", "tf achieved", "plain us/req",
          "tf us/req", "tf/plain", "plain B/req", "tf B/req", "tf/plain", "plain no-JIT", "tf no-JIT", "tf/plain"
      for (i = 1; i <= k; i++) {
        r = order[i]; p = "plain" SUBSEP r; t = "tipflood" SUBSEP r
        up = req[p] ? cpu[p] / req[p] * 1e6 : 0; ut = req[t] ? cpu[t] / req[t] * 1e6 : 0
        bp = nb[p] ? by[p] / nb[p] : 0; bt = nb[t] ? by[t] / nb[t] : 0
        jp = req[p] ? (cpu[p] - jit[p]) / req[p] * 1e6 : 0; jt = req[t] ? (cpu[t] - jit[t]) / req[t] * 1e6 : 0
        printf "%8d %14.0f %14.0f %14s %14s %8s %12s %12s %8s %14s %14s %8s\n", r, ok[p] / n[p] / secs, ok[t] / n[t] / secs, fmt(up), fmt(ut),
            (up > 0 && ut > 0 ? sprintf("%.2f", ut / up) : "-"), fmt(bp), fmt(bt), (bp > 0 && bt > 0 ? sprintf("%.2f", bt / bp) : "-"),
            fmt(jp), fmt(jt), (jp > 0 && jt > 0 ? sprintf("%.2f", jt / jp) : "-")
        if (good[p] == n[p]) maxp = r; if (good[t] == n[t]) maxt = r
        if (up > 0 && ut > 0) { cp += cpu[p]; rp += req[p]; ct += cpu[t]; rt += req[t]; sbp += by[p] / nb[p]; sbt += by[t] / nb[t]
          jcp += cpu[p] - jit[p]; jct += cpu[t] - jit[t] }
      }
      if (rp > 0 && rt > 0) printf "%8s %14s %14s %14.1f %14.1f %8.2f %12s %12s %8.2f %14.1f %14.1f %8.2f\n", "pooled", "", "",
          cp / rp * 1e6, ct / rt * 1e6, (ct / rt) / (cp / rp), "", "", (sbp > 0 ? sbt / sbp : 0), jcp / rp * 1e6, jct / rt * 1e6,
          (jct / rt) / (jcp / rp)
      printf "max sustained rate (of those tried): plain %s/s, tipflood %s/s\n", (maxp ? maxp : "none"), (maxt ? maxt : "none")
    }' "$1"
}
if [ "${1:-}" = --table ]; then
  table "$2"
  exit 0
fi

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

javac -cp "$JAR" -d "$OUT/plain-classes" loadgen/bench/plain/PlainTipSimulation.java

"${PRIO[@]}" java -Xmx256m -cp "$BENCH_JAR" dev.tipflood.bench.bare.BareEndpointMain > "$OUT/bare.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do
  PORT=$(sed -n 's/^bare-endpoint listening public=\([0-9]*\).*/\1/p' "$OUT/bare.out")
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "${PORT:-}" ] || { echo "bare endpoint did not start: $(cat "$OUT/bare.out")" >&2; exit 1; }
TARGET=http://127.0.0.1:$PORT

scenario() { # RATE -> scenario file
  cat > "$OUT/overhead-$1.yaml" <<YAML
name: overhead-$1
description: recording overhead step, $1 tips/s of metadata-only tips, constant spacing.
seed: 1
duration: ${STEP_SECONDS}s
scale: 1
target: embedded
profile: unlimited
populations:
  - name: load
    truth: legit
    arrival: {kind: constant, rate: $1}
    identity: {devices: 1000, rotationShare: 0, ipMapping: per-device}
    media: {files: 1, perTip: 1, types: {none: {weight: 1}}}
    metadata: {inJurisdiction: 1, realDescription: 1, plausibleTime: 1}
    client:
      timeout: 10s
      retry: {on: [], max: 0, backoff: none, honourRetryAfter: true}
YAML
  echo "$OUT/overhead-$1.yaml"
}

jiffies() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# jit_jiffies PID: CPU of the JIT compiler threads (C1, C2) alone
jit_jiffies() {
  local t sum=0
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2> /dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2> /dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}
now() { date +%s.%N; }
# thread_jiffies PID: "name jiffies" per thread (one awk: forks per thread would stretch the
# window on a busy machine), numbers in thread names folded (gatling-1-2 -> gatling-#-#)
thread_jiffies() {
  cat /proc/"$1"/task/*/stat 2> /dev/null | awk '{
    end = match($0, /\) [A-Z] /); name = substr($0, index($0, "(") + 1, end - index($0, "(") - 1)
    split(substr($0, end + 2), f, " "); gsub(/[0-9]+/, "#", name); gsub(/ /, "_", name); print name, f[12] + f[13] }'
}
# threads_delta BEFORE AFTER: CPU seconds per thread name over the window, most first
threads_delta() {
  awk -v hz="$HZ" 'NR == FNR { b[$1] += $2; next } { a[$1] += $2 } END { for (n in a) printf "%8.3f %s\n", (a[n] - b[n]) / hz, n }' "$1" "$2" | sort -rn
}

# measure LOG PID: waits for "started" in LOG, samples the JVM's CPU over the window; prints
# "cpu-seconds wall-seconds jit-cpu-seconds" (and the CPU per thread to threads.txt beside LOG)
measure() {
  local log=$1 pid=$2 threads
  threads=$(dirname "$log")/threads
  for _ in $(seq 1 600); do
    grep -q 'Simulation .* started' "$log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "0 0 0"; return; }
    sleep 0.1
  done
  sleep "$SKIP"
  local j0 t0 j1 t1 c0 c1
  j0=$(jiffies "$pid"); c0=$(jit_jiffies "$pid"); t0=$(now); thread_jiffies "$pid" > "$threads.0"
  sleep "$WINDOW"
  j1=$(jiffies "$pid"); c1=$(jit_jiffies "$pid"); t1=$(now); thread_jiffies "$pid" > "$threads.1"
  threads_delta "$threads.0" "$threads.1" > "$threads.txt"
  awk -v a="$j0" -v b="$j1" -v c="$c0" -v d="$c1" -v s="$t0" -v e="$t1" -v hz="$HZ" \
      'BEGIN { printf "%.3f %.3f %.3f", (b - a) / hz, e - s, (d - c) / hz }'
}

# stats GATLING_LOG -> "ok ko p99ms" from Gatling's final summary
stats() {
  local ok ko p99
  ok=$(grep '> request count' "$1" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$3); print $3}')
  ko=$(grep '> request count' "$1" | tail -1 | awk -F'|' '{gsub(/[ ,-]/,"",$4); print ($4 == "" ? 0 : $4)}')
  p99=$(grep '> response time 99th percentile' "$1" | tail -1 | awk -F'|' '{gsub(/[ ,]/,"",$2); print $2}')
  echo "${ok:-0} ${ko:-0} ${p99:-99999}"
}

run_plain() { # RATE ROUND -> "cpu wall jit ok ko p99 bytes-per-request"
  local dir="$OUT/plain-$1-$2"
  mkdir -p "$dir"
  "${PRIO[@]}" java "${GATLING_FLAGS[@]}" "$(jfr_flag "$dir/alloc.jfr")" -Dplain.target="$TARGET" -Dplain.rate="$1" -Dplain.seconds="$STEP_SECONDS" \
      -Dplain.features="$PLAIN_FEATURES" \
      -cp "$OUT/plain-classes:$JAR" PlainTipSimulation "$dir/results" > "$dir/gatling.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  local m; m=$(measure "$dir/gatling.log" "$pid")
  wait "$pid" || true
  echo "$m $(stats "$dir/gatling.log") $(alloc "$dir/alloc.jfr" "$1")"
}

run_tipflood() { # RATE ROUND -> "cpu wall jit ok ko p99 bytes-per-request"
  local dir="$OUT/tipflood-$1-$2" file
  mkdir -p "$dir"
  file=$(scenario "$1")
  "${PRIO[@]}" java -jar "$TIPFLOOD_JAR" run "$file" --target "$TARGET" --out "$dir" --grace 5s --gatling-heap 1g \
      "--gatling-jvm-arg=$(jfr_flag "$dir/alloc.jfr")" "${EXTRA[@]}" \
      > "$dir/cli.out" 2> "$dir/cli.err" &
  local cli=$!
  PIDS+=("$cli")
  local gpid="" run=""
  for _ in $(seq 1 600); do
    gpid=$(pgrep -P "$cli" -f GatlingMain || true)
    run=$(ls -d "$dir"/*-overhead-"$1" 2>/dev/null | head -1 || true)
    [ -n "$gpid" ] && [ -n "$run" ] && break
    kill -0 "$cli" 2>/dev/null || break
    sleep 0.1
  done
  local m="0 0 0"
  [ -n "$gpid" ] && m=$(measure "$run/gatling/gatling.log" "$gpid")
  wait "$cli" || true
  echo "$m $(stats "$run/gatling/gatling.log") $(alloc "$dir/alloc.jfr" "$1")"
}

# A short plain run first, not measured: warms the endpoint's JIT so no tool meets it cold.
run_plain 1000 warmup > /dev/null

ROWS="$OUT/rows.txt"
: > "$ROWS"
echo "ABBA rounds: $ROUNDS; $STEP_SECONDS s per step; plain features: ${PLAIN_FEATURES:-none}; CPU window $SKIP..$((SKIP + WINDOW)) s; target $TARGET; runs in $OUT" >&2
printf '%-9s %6s %5s %9s %9s %7s %7s %6s %9s %9s %9s %12s\n' tool rate round cpu-s wall-s ok ko p99ms us/req bytes/req jit-cpu-s us/req-nojit >&2
for rate in $RATES; do
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) = 1 ]; then order="plain tipflood"; else order="tipflood plain"; fi
    for tool in $order; do
      read -r cpu wall jit ok ko p99 bytes <<< "$("run_$tool" "$rate" "$round")"
      us=$(awk -v c="$cpu" -v w="$wall" -v r="$rate" 'BEGIN { printf "%.1f", (w > 0 ? c / (r * w) * 1e6 : 0) }')
      usj=$(awk -v c="$cpu" -v j="$jit" -v w="$wall" -v r="$rate" 'BEGIN { printf "%.1f", (w > 0 ? (c - j) / (r * w) * 1e6 : 0) }')
      printf '%-9s %6s %5s %9s %9s %7s %7s %6s %9s %9s %9s %12s\n' "$tool" "$rate" "$round" "$cpu" "$wall" "$ok" "$ko" "$p99" \
          "$us" "$bytes" "$jit" "$usj" >&2
      echo "$tool $rate $round $cpu $wall $ok $ko $p99 $bytes $jit" >> "$ROWS"
    done
  done
done

echo
table "$ROWS"
echo "runs in $OUT"
