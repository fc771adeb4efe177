#!/usr/bin/env bash
# What one Gatling JVM drives on this machine (issue 5, "Overhead"), with tipflood-server on the
# same machine (profile `unlimited`: no caps, streaming to disk):
#   1. small tip POSTs (metadata only): offered 250..3000 tips/s for 30 s each;
#   2. ~1 MB uploads (one photo per tip): offered 25..300 tips/s for 30 s each.
# Latency is over the steady state: the first 10 s (JVM and connection warm-up) are left out.
# For each step it prints offered and achieved rates (2xx per second over the schedule), MB/s,
# p50/p99 (corrected), and the Gatling JVM's heap: peak used before a GC and the largest
# after-GC (live) heap, from its GC log. Loopback only; about 6 minutes.
# TARGET=bare drives the server jar's bare Vert.x endpoint instead (answers 201 at once, stores
# nothing): then the server costs almost nothing and the figures are the load generator's own
# ceiling on this machine.
# Usage: [TARGET=bare] loadgen/bench/loadgen-capacity.sh [small-rates] [mb-rates]
#   e.g. TARGET=bare loadgen/bench/loadgen-capacity.sh "500 1000 2000" "50 100 200"
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=loadgen/target/tipflood.jar
OUT=${OUT:-$(mktemp -d /tmp/tipflood-loadgen-capacity.XXXXXX)}
SMALL=${1:-"250 500 1000 1500 2000 3000"}
BIG=${2:-"25 50 100 150 200 300"}
SECONDS_PER_STEP=${STEP_SECONDS:-30}
TARGET_ARGS=()
if [ "${TARGET:-server}" = bare ]; then
  java -Xmx512m -cp server/target/tipflood-server.jar dev.tipflood.server.bench.BareEndpointMain > "$OUT/bare.out" 2>&1 &
  BARE=$!
  trap 'kill $BARE 2>/dev/null || true' EXIT
  until grep -q 'listening public=' "$OUT/bare.out"; do sleep 0.2; done
  TARGET_ARGS=(--target "http://127.0.0.1:$(grep -o 'public=[0-9]*' "$OUT/bare.out" | cut -d= -f2)")
fi

scenario() { # NAME RATE MEDIA(none|photo)
  local types
  if [ "$3" = none ]; then
    types='none: {weight: 1}'
  else
    types='photo: {weight: 1, size: {kind: uniform, min: 900KB, max: 1100KB}}'
  fi
  cat > "$OUT/$1.yaml" <<YAML
name: $1
description: loadgen capacity step, $2 tips/s of $3 media, constant spacing.
seed: 1
duration: ${SECONDS_PER_STEP}s
scale: 1
target: embedded
profile: unlimited
populations:
  - name: load
    truth: legit
    arrival: {kind: constant, rate: $2}
    identity: {devices: 1000, rotationShare: 0, ipMapping: per-device}
    media:
      files: 16
      perTip: 1
      types:
        $types
    metadata: {inJurisdiction: 1, realDescription: 1, plausibleTime: 1}
    client:
      timeout: 10s
      retry: {on: [], max: 0, backoff: none, honourRetryAfter: true}
YAML
}

# heap GCLOG -> "peak-before-gc-MB max-after-gc-MB" from -Xlog:gc lines like "Pause Young ... 120M->30M(1024M)"
heap() {
  grep -o '[0-9]*M->[0-9]*M' "$1" | awk -F'->' '{b=$1; a=$2; sub("M","",b); sub("M","",a); b+=0; a+=0; if (b>pb) pb=b; if (a>pa) pa=a} END {printf "%d %d", pb, pa}'
}

echo "target: ${TARGET:-server (profile unlimited)}"
printf '%-8s %8s %10s %8s %10s %10s %14s %14s\n' kind offered achieved MB/s p50-ms p99-ms gatling-peakMB gatling-liveMB
step() { # KIND RATE MEDIA
  local name="cap-$1-$2"
  scenario "$name" "$2" "$3"
  java -jar "$JAR" run "$OUT/$name.yaml" "${TARGET_ARGS[@]}" --out "$OUT/runs" --grace 10s --gatling-heap 1g \
      --gatling-jvm-arg "-Xlog:gc:file=$OUT/$name-gc.log" > "$OUT/$name.out" 2> "$OUT/$name.err" || true
  local dir; dir=$(ls -d "$OUT"/runs/*-"$name" | tail -1)
  local last; last=$(tail -1 "$dir/client/progress.ndjson")
  local ok bytes
  ok=$(echo "$last" | grep -o '"ok":[0-9]*' | head -1 | cut -d: -f2)
  bytes=$(echo "$last" | grep -o '"bytesSent":[0-9]*' | head -1 | cut -d: -f2)
  local lat; lat=$(java -jar "$JAR" summarize "$dir" --skip 10 | grep 'accepted tip latency' || echo "p50 -ms p99 -ms")
  local p50 p99
  p50=$(echo "$lat" | grep -o 'p50 [0-9.]*m\?s' | head -1 | cut -d' ' -f2)
  p99=$(echo "$lat" | grep -o 'p99 [0-9.]*m\?s' | head -1 | cut -d' ' -f2)
  printf '%-8s %8s %10.0f %8.1f %10s %10s %14s %14s\n' "$1" "$2" "$(awk -v n="$ok" -v s=$SECONDS_PER_STEP 'BEGIN{print n/s}')" \
      "$(awk -v n="$bytes" -v s=$SECONDS_PER_STEP 'BEGIN{print n/s/1e6}')" "$p50" "$p99" $(heap "$OUT/$name-gc.log")
}
for r in $SMALL; do step small "$r" none; done
for r in $BIG; do step 1mb "$r" photo; done
echo "runs in $OUT"
