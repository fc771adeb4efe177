#!/bin/bash
# Event-loop audit: runs the packaged server under a JFR recording with a bounded loopback load
# (wrk POSTs of one multipart tip, plus admin polling of /metrics, /measure/histograms,
# /measure/timeline and /ready every 0.2 s), then prints what JFR saw on vert.x-eventloop
# threads: file I/O, monitor waits and parks over 10 ms, and the GC pauses.
# usage: server/bench/eventloop-audit/run.sh <profile> [media KB=300] [connections=16] [seconds=15]
# JAVA_OPTS (e.g. -Xmx256m for naive) go to the server JVM.
# needs: target/tipflood-server.jar (mvn -pl server package), wrk, curl, python3, jfr
set -euo pipefail
P=${1:?profile}; KB=${2:-300}; C=${3:-16}; S=${4:-15}
HERE=$(cd "$(dirname "$0")" && pwd); JAR=$HERE/../../target/tipflood-server.jar
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
python3 - "$W" "$KB" <<'PY'
import os, sys
w, kb = sys.argv[1], int(sys.argv[2]); b = 'auditBoundary42'
md = '{"description":"fancam","lat":32.78,"lon":-96.80,"occurredAt":"2020-05-31T18:04:05Z","deviceId":"device-7"}'
body = (f'--{b}\r\nContent-Disposition: form-data; name="metadata"\r\nContent-Type: application/json\r\n\r\n{md}\r\n'
        f'--{b}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
        ).encode() + b'\xff\xd8\xff\xe0' + os.urandom(kb * 1024) + f'\r\n--{b}--\r\n'.encode()
open(f'{w}/body.bin', 'wb').write(body)
open(f'{w}/post.lua', 'w').write(f'local f = io.open("{w}/body.bin", "rb"); wrk.body = f:read("*all"); f:close()\n'
    f'wrk.method = "POST"; wrk.headers["Content-Type"] = "multipart/form-data; boundary={b}"\n')
PY
mkdir -p "$W/data"
java ${JAVA_OPTS:-} -XX:StartFlightRecording=filename=$W/rec.jfr,settings=profile -jar "$JAR" --profile "$P" \
  --data-dir "$W/data" --port 0 --admin-port 0 --admin-token audit > "$W/out" 2> "$W/err" &
PID=$!
for _ in $(seq 1 60); do grep -q listening "$W/out" && break; sleep 0.5; done
PORT=$(grep -o 'public=[0-9]*' "$W/out" | cut -d= -f2); ADM=$(grep -o 'admin=[0-9]*' "$W/out" | cut -d= -f2)
( end=$((SECONDS + S)); while [ $SECONDS -lt $end ]; do
    for p in metrics measure/histograms measure/timeline ready; do
      curl -s -m 5 -o /dev/null -w "%{time_total} $p\n" -H "Authorization: Bearer audit" "http://127.0.0.1:$ADM/$p"
    done; sleep 0.2; done > "$W/admin" ) &
POLL=$!
wrk -t2 -c"$C" -d"${S}s" -s "$W/post.lua" "http://127.0.0.1:$PORT/api/v1/tips" | sed -n '3,8p'
wait $POLL; kill -TERM $PID; wait $PID || true
echo "slowest admin responses (s):"; sort -rn "$W/admin" | head -3
echo "Vert.x blocked-thread warnings: $(grep -c 'has been blocked' "$W/err" || true)"
grep -A8 'has been blocked' "$W/err" | grep -E 'blocked|^\s+at ' | head -${BLOCKED_LINES:-12} || true
for e in jdk.FileRead jdk.FileWrite jdk.FileForce jdk.JavaMonitorEnter jdk.ThreadPark; do
  jfr print --stack-depth 8 --events $e "$W/rec.jfr" > "$W/$e.txt"
  awk -v e=$e '
    /^jdk\./ { if (b ~ /vert.x-eventloop/) { n++; split(b, l, "\n"); for (i in l) if (l[i] ~ /duration/) d = d l[i] } b = "" }
    { b = b "\n" $0 }
    END { if (b ~ /vert.x-eventloop/) n++; printf "%s on event loops: %d%s\n", e, n, d }' "$W/$e.txt"
done
echo "file reads on event loops:"; awk '/^jdk\./ { if (b ~ /vert.x-eventloop/) print b; b = "" } { b = b "\n" $0 }' "$W/jdk.FileRead.txt" | grep -E 'path|duration|line:' | head -8
echo "longest GC pauses:"; jfr print --events jdk.GarbageCollection "$W/rec.jfr" | grep longestPause | awk '{print "  " $3, $4}' | sort -rn | head -3
jfr print --events jdk.GarbageCollection "$W/rec.jfr" | grep sumOfPauses \
  | awk '{v = $3; if ($4 == "s") v *= 1000; s += v} END {printf "sum of GC pauses: %.0f ms\n", s}'
