#!/usr/bin/env bash
# Memory benchmark: one 200 MB media upload to a streaming (non-naive) profile must raise the
# server's heap use by less than 32 MB.
#  - live heap: every second during the upload a full GC is forced (jcmd GC.run) and the heap
#    after it is read from the GC log; the figure is the highest of those minus the same
#    measure just before the upload. This is what the upload keeps in heap.
#  - raw heap: jvm_memory_used_bytes{area="heap"} from the admin /metrics endpoint, sampled
#    every 200 ms, peak minus before. It includes young-generation garbage not yet collected
#    (Vert.x copies each network read into a short-lived heap buffer), so it depends on how
#    large the GC lets eden grow; shown for transparency.
# With NAIVE=1 the same upload then goes to the naive profile, for contrast. Loopback only.
# Usage: [PROFILE=unlimited] [HEAP=512m] [SIZE_MB=200] [NAIVE=1] server/bench/memory-200mb.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PROFILE=${PROFILE:-unlimited}
HEAP=${HEAP:-512m}
SIZE_MB=${SIZE_MB:-200}
JAR=server/target/tipflood-server.jar
[ -f "$JAR" ] || mvn -B -q -pl server -am package -DskipTests

WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "generating a ${SIZE_MB} MB media file ..."
head -c $((SIZE_MB * 1024 * 1024)) /dev/urandom > "$WORK/big.mp4"
head -c 100000 /dev/urandom > "$WORK/small.jpg"
WANT=$(sha256sum "$WORK/big.mp4" | cut -d' ' -f1)
META='metadata={"description":"memory benchmark","lat":32.78,"lon":-96.8,"occurredAt":"2020-05-31T18:04:05Z","deviceId":"bench-1"};type=application/json'

measure() { # profile heap -> prints figures, sets LIVE_RISE
  local profile=$1 heap=$2 dir="$WORK/$1"
  mkdir -p "$dir"
  java -Xmx"$heap" -Xlog:gc:file="$dir/gc.log" -jar "$JAR" --port 0 --admin-port 0 --profile "$profile" \
    --data-dir "$dir/data" --admin-token bench > "$dir/server.out" 2> "$dir/server.err" &
  PID=$!
  for _ in $(seq 1 300); do grep -q '^tipflood-server listening ' "$dir/server.out" && break; sleep 0.1; done
  local port admin
  port=$(sed -n 's/^tipflood-server listening public=\([0-9]*\) .*/\1/p' "$dir/server.out")
  admin=$(sed -n 's/^tipflood-server listening .* admin=\([0-9]*\)$/\1/p' "$dir/server.out")
  [ -n "$port" ] || { cat "$dir/server.err" >&2; exit 1; }
  heap_used() {
    curl -sS -H 'Authorization: Bearer bench' "http://127.0.0.1:$admin/metrics" \
      | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f\n", s}'
  }
  live_after_gc() { # forces a full GC and prints the heap after it, in MB
    jcmd "$PID" GC.run > /dev/null
    sed -n 's/.*Pause Full ([^)]*) [0-9]*M->\([0-9]*\)M.*/\1/p' "$dir/gc.log" | tail -1
  }
  # Warm the upload path with a small tip so class loading is not counted.
  curl -sS -o /dev/null -F "$META" -F "media=@$WORK/small.jpg;type=image/jpeg" "http://127.0.0.1:$port/api/v1/tips"
  local live_base raw_base
  live_base=$(live_after_gc)
  raw_base=$(heap_used)
  curl -sS -o "$dir/created.json" -w '%{http_code}' -F "$META" -F "media=@$WORK/big.mp4;type=video/mp4" \
    "http://127.0.0.1:$port/api/v1/tips" > "$dir/status" &
  local upload=$! raw_peak=$raw_base live_peak=$live_base ticks=0 h
  while kill -0 "$upload" 2>/dev/null; do
    h=$(heap_used); [ "$h" -gt "$raw_peak" ] && raw_peak=$h
    ticks=$((ticks + 1))
    if [ $((ticks % 5)) -eq 0 ]; then
      h=$(live_after_gc); [ "$h" -gt "$live_peak" ] && live_peak=$h
    fi
    sleep 0.2
  done
  wait "$upload" || true
  local status; status=$(cat "$dir/status")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  LIVE_RISE=$((live_peak - live_base))
  echo "profile $profile, -Xmx$heap: upload answered $status"
  if [ "$status" = 201 ]; then
    grep -q '"id"' "$dir/created.json" && echo "  ${SIZE_MB} MB stored; sha256 $WANT"
  fi
  echo "  live heap (after forced GC, every ~1 s): before ${live_base} MB, highest during upload ${live_peak} MB -> rise ${LIVE_RISE} MB"
  echo "  raw heap incl. young garbage (/metrics): before $((raw_base / 1048576)) MB, peak $((raw_peak / 1048576)) MB -> rise $(( (raw_peak - raw_base) / 1048576 )) MB"
}

measure "$PROFILE" "$HEAP"
STREAM_RISE=$LIVE_RISE
if [ "${NAIVE:-0}" = 1 ]; then
  measure naive "${NAIVE_HEAP:-1g}"
fi
echo "RESULT: ${SIZE_MB} MB upload raised the live heap of profile $PROFILE by ${STREAM_RISE} MB (goal < 32 MB)"
[ "$STREAM_RISE" -lt 32 ]
