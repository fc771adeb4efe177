#!/usr/bin/env bash
# Same-run A/B of two server builds: every round measures the bare endpoint, build A and build B
# back to back (small metadata-only tip POSTs, as throughput-wrk.sh), so machine noise, which on
# a shared 2-core machine moves req/s by +-20% between rounds, hits all three alike.
# Usage: [WARMUP=20] [OPTS_A=...] [OPTS_B=...] server/bench/ab-throughput.sh A.jar B.jar [seconds] [rounds] [connections]
#   OPTS_A/OPTS_B  extra JVM options for each build (e.g. the same jar twice with a -D flag)
# Loopback only; each wrk run is bounded by its duration; all three servers are killed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
A=${1:?build A jar}; B=${2:?build B jar}
SECS=${3:-8}; ROUNDS=${4:-3}; CONNS=${5:-64}
LUA=server/bench/tip-post.lua
WRK_THREADS=1
CLIENT_CPU=()
# shellcheck source=server/bench/wrk-lib.sh
. server/bench/wrk-lib.sh
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
WORK=$(mktemp -d)
mkdir "$WORK/a" "$WORK/b"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

start_tip() { # jar opts dir out
  # shellcheck disable=SC2086
  java -Xmx1g $2 -jar "$1" --port 0 --admin-port 0 --profile unlimited --data-dir "$3" --admin-token ab > "$4" 2>&1 &
  PIDS+=($!)
}
start_tip "$A" "${OPTS_A:-}" "$WORK/a" "$WORK/a.out"
start_tip "$B" "${OPTS_B:-}" "$WORK/b" "$WORK/b.out"
java -Xmx1g -cp "${BENCH_JAR:-bench/target/benchmarks.jar}" dev.tipflood.bench.bare.BareEndpointMain > "$WORK/bare.out" 2>&1 &
PIDS+=($!)
PA=$(listening_port "$WORK/a.out" "$TIP_LINE")
PB=$(listening_port "$WORK/b.out" "$TIP_LINE")
P0=$(listening_port "$WORK/bare.out" "$BARE_LINE")

echo "warm-up (JIT): ${WARMUP:-20} s each ..."
run "$P0" "${WARMUP:-20}" "${PIDS[2]}" > /dev/null
run "$PA" "${WARMUP:-20}" "${PIDS[0]}" > /dev/null
run "$PB" "${WARMUP:-20}" "${PIDS[1]}" > /dev/null
for i in $(seq 1 "$ROUNDS"); do
  read -r r0 c0 < <(run "$P0" "$SECS" "${PIDS[2]}")
  read -r ra ca < <(run "$PA" "$SECS" "${PIDS[0]}")
  read -r rb cb < <(run "$PB" "$SECS" "${PIDS[1]}")
  awk -v i="$i" -v r0="$r0" -v c0="$c0" -v ra="$ra" -v ca="$ca" -v rb="$rb" -v cb="$cb" 'BEGIN {
    printf "round %d: bare %6.0f req/s (%4.1f us)   A %6.0f (%4.1f us) ratio %.3f   B %6.0f (%4.1f us) ratio %.3f\n",
      i, r0, c0, ra, ca, ra / r0, rb, cb, rb / r0 }'
done
