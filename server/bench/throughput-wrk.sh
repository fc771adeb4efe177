#!/usr/bin/env bash
# Speed benchmark: small metadata-only tip POSTs per second against the 'unlimited' profile,
# versus a bare Vert.x endpoint that answers 201 at once, in the same run, on loopback.
# Rounds alternate bare/tip so machine noise hits both; the ratio uses the medians.
# Usage: [WARMUP=30] [WRK_THREADS=1] [DATA_ROOT=dir] [TIP_JAVA_OPTS=...] [PIN=1] \
#          server/bench/throughput-wrk.sh [seconds-per-round] [rounds] [connections]
#   WRK_THREADS   wrk threads (default 1: fewer than the 2 cores, so wrk does not starve the server)
#   DATA_ROOT     parent of the tip server's data dir (default: mktemp's; e.g. /dev/shm for tmpfs,
#                 to take fsync latency out of the measurement)
#   TIP_JAVA_OPTS extra JVM options for the tip server (e.g. -XX:StartFlightRecording=...)
#   JAR           the server jar (default server/target/tipflood-server.jar), to A/B two builds
#   FLOOR=1       also measure, each round, two floors under the tip POST:
#                 - GET of an unknown tip (404) on the tip server: the router/measuring/metrics
#                   floor that any tip POST handler sits on;
#                 - the durable floor: the bare endpoint with --journal, which reads the body,
#                   appends a fixed tip-sized record through the same group-commit log and
#                   answers once it is fsynced: what fsync-before-201 alone costs here
#   PIN=1         pin wrk to CPU 0 and both servers to CPU 1 (taskset); fair, but halves the cores
set -euo pipefail
cd "$(dirname "$0")/../.."
SECS=${1:-10}
ROUNDS=${2:-3}
CONNS=${3:-64}
JAR=${JAR:-server/target/tipflood-server.jar}
LUA=server/bench/tip-post.lua
# shellcheck source=server/bench/wrk-lib.sh
. server/bench/wrk-lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
BENCH_JAR=${BENCH_JAR:-bench/target/benchmarks.jar}
[ -f "$JAR" ] && [ -f "$BENCH_JAR" ] || mvn -B -q -pl server,bench -am package -DskipTests

WORK=$(mktemp -d)
DATA=$(mktemp -d -p "${DATA_ROOT:-$WORK}")
WRK_THREADS=${WRK_THREADS:-1}
SERVER_CPU=(); CLIENT_CPU=()
if [ "${PIN:-0}" = 1 ]; then SERVER_CPU=(taskset -c 1); CLIENT_CPU=(taskset -c 0); fi
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap 'cleanup; rm -rf "$DATA"' EXIT

# shellcheck disable=SC2086
"${SERVER_CPU[@]}" java -Xmx1g ${TIP_JAVA_OPTS:-} -jar "$JAR" --port 0 --admin-port 0 --profile unlimited --data-dir "$DATA" \
  --admin-token bench > "$WORK/tip.out" 2> "$WORK/tip.err" &
PIDS+=($!)
"${SERVER_CPU[@]}" java -Xmx1g -cp "$BENCH_JAR" dev.tipflood.bench.bare.BareEndpointMain > "$WORK/bare.out" 2>&1 &
PIDS+=($!)
TIP_PORT=$(listening_port "$WORK/tip.out" "$TIP_LINE")
BARE_PORT=$(listening_port "$WORK/bare.out" "$BARE_LINE")
if [ "${FLOOR:-0}" != 0 ]; then
  "${SERVER_CPU[@]}" java -Xmx1g -cp "$BENCH_JAR" dev.tipflood.bench.bare.BareEndpointMain --journal "$DATA/floor" \
    > "$WORK/durable.out" 2>&1 &
  PIDS+=($!)
  DURABLE_PORT=$(listening_port "$WORK/durable.out" "$BARE_LINE")
fi

# The tip path has far more code for C2 to compile; it keeps speeding up for ~30 s.
echo "warm-up (JIT): ${WARMUP:-30} s each ..."
run "$BARE_PORT" "${WARMUP:-30}" "${PIDS[1]}" > /dev/null
run "$TIP_PORT" "${WARMUP:-30}" "${PIDS[0]}" > /dev/null
if [ "${FLOOR:-0}" != 0 ]; then # the floor's GET path is compiled separately
  run "$TIP_PORT" $(( ${WARMUP:-30} / 3 + 1 )) "${PIDS[0]}" /api/v1/tips/00000000000000000000000000 > /dev/null
  run "$DURABLE_PORT" "${WARMUP:-30}" "${PIDS[2]}" > /dev/null
fi

# Requests/s on a shared 2-core machine swing by +-50% between rounds; the server's own CPU time
# per request (from /proc/<pid>/stat) is far steadier, so it is printed too.
BARE=(); TIP=(); BARE_CPU=(); TIP_CPU=(); FLR=(); FLR_CPU=(); DUR=(); DUR_CPU=()
for r in $(seq 1 "$ROUNDS"); do
  read -r b bc < <(run "$BARE_PORT" "$SECS" "${PIDS[1]}")
  read -r t tc < <(run "$TIP_PORT" "$SECS" "${PIDS[0]}")
  BARE+=("$b"); TIP+=("$t"); BARE_CPU+=("$bc"); TIP_CPU+=("$tc")
  printf 'round %d: bare %7.0f req/s (%5.1f us CPU/req)   tip POST %7.0f req/s (%5.1f us CPU/req)   ratio %.3f\n' \
    "$r" "$b" "$bc" "$t" "$tc" "$(echo "$t / $b" | bc -l)"
  if [ "${FLOOR:-0}" != 0 ]; then
    # The tip server's cheapest API answer: GET of an unknown tip id (404) through the same
    # router, measuring handler and Vert.x metrics: a ceiling for any POST handler's ratio.
    read -r f fc < <(run "$TIP_PORT" "$SECS" "${PIDS[0]}" /api/v1/tips/00000000000000000000000000)
    FLR+=("$f"); FLR_CPU+=("$fc")
    printf '         tip server GET 404 (router floor) %7.0f req/s (%5.1f us CPU/req)   ratio %.3f\n' \
      "$f" "$fc" "$(echo "$f / $b" | bc -l)"
    read -r d dc < <(run "$DURABLE_PORT" "$SECS" "${PIDS[2]}")
    DUR+=("$d"); DUR_CPU+=("$dc")
    printf '         bare + fsync journal (durable floor) %7.0f req/s (%5.1f us CPU/req)   ratio %.3f\n' \
      "$d" "$dc" "$(echo "$d / $b" | bc -l)"
  fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
MB=$(median "${BARE[@]}"); MT=$(median "${TIP[@]}")
CB=$(median "${BARE_CPU[@]}"); CT=$(median "${TIP_CPU[@]}")
STORED=$(wc -l < "$DATA/tips.journal")
printf 'median: bare %.0f req/s, tip POST %.0f req/s, ratio %.3f (goal >= 0.8); %d tips journaled\n' \
  "$MB" "$MT" "$(echo "$MT / $MB" | bc -l)" "$STORED"
printf 'median server CPU per request: bare %.1f us, tip POST %.1f us (CPU ratio bare/tip %.3f)\n' \
  "$CB" "$CT" "$(echo "$CB / $CT" | bc -l)"
if [ "${FLOOR:-0}" != 0 ]; then
  MF=$(median "${FLR[@]}"); CF=$(median "${FLR_CPU[@]}")
  printf 'median router floor (GET 404): %.0f req/s, ratio %.3f, %.1f us CPU/req (CPU ratio bare/floor %.3f)\n' \
    "$MF" "$(echo "$MF / $MB" | bc -l)" "$CF" "$(echo "$CB / $CF" | bc -l)"
  MD=$(median "${DUR[@]}"); CD=$(median "${DUR_CPU[@]}")
  printf 'median durable floor (bare + fsync journal): %.0f req/s, ratio %.3f, %.1f us CPU/req; tip POST / durable floor %.3f\n' \
    "$MD" "$(echo "$MD / $MB" | bc -l)" "$CD" "$(echo "$MT / $MD" | bc -l)"
fi
