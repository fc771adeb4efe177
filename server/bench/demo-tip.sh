#!/usr/bin/env bash
# End-to-end demo of the mock tip service, on loopback with ephemeral ports:
#   start the server, POST a tip with a photo, GET it, kill -9 the server,
#   restart it on the same data dir, GET the tip again and check its photo's SHA-256.
# Exits 0 when the acknowledged tip survived the kill -9. Needs java 17, curl, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=server/target/tipflood-server.jar
[ -f "$JAR" ] || mvn -B -q -pl server -am package -DskipTests

WORK=$(mktemp -d)
PID=
cleanup() {
  local rc=$?
  if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

# A 16x16 JPEG, embedded so the demo needs no image tools.
base64 -d > "$WORK/photo.jpg" <<'JPEG'
/9j/4AAQSkZJRgABAgAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a
HBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIy
MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAQABADASIA
AhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQA
AAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3
ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWm
p6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEA
AwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSEx
BhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElK
U1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3
uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDziw0L
p8ldNY6F0+SulsNC6fJXTWGhdPkrxsXmvmacP53tqf/Z
JPEG

start_server() {
  java -Xmx256m -jar "$JAR" --port 0 --admin-port 0 --profile tipline --data-dir "$WORK/data" \
    --admin-token demo > "$WORK/server.out" 2> "$WORK/server.err" &
  PID=$!
  for _ in $(seq 1 150); do
    if grep -q '^tipflood-server listening ' "$WORK/server.out"; then
      PORT=$(sed -n 's/^tipflood-server listening public=\([0-9]*\) admin=.*/\1/p' "$WORK/server.out")
      echo "server pid $PID listening on 127.0.0.1:$PORT"
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.err" >&2; exit 1; }
    sleep 0.1
  done
  echo "server did not start" >&2; exit 1
}

start_server
echo "--- POST /api/v1/tips"
CREATED=$(curl -sS --fail-with-body \
  -F 'metadata={"description":"Crowd at Main and Akard","lat":32.7790,"lon":-96.8003,"occurredAt":"2020-05-31T18:04:05Z","deviceId":"demo-phone-1"};type=application/json' \
  -F "media=@$WORK/photo.jpg;type=image/jpeg" \
  "http://127.0.0.1:$PORT/api/v1/tips")
echo "$CREATED"
ID=$(echo "$CREATED" | sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
echo "--- GET /api/v1/tips/$ID"
curl -sS --fail-with-body "http://127.0.0.1:$PORT/api/v1/tips/$ID"; echo

echo "--- kill -9 $PID"
{ kill -9 "$PID"; wait "$PID"; } 2>/dev/null || true
: > "$WORK/server.out"
start_server
echo "--- GET /api/v1/tips/$ID after the restart"
AFTER=$(curl -sS --fail-with-body "http://127.0.0.1:$PORT/api/v1/tips/$ID")
echo "$AFTER"
SHA=$(sha256sum "$WORK/photo.jpg" | cut -d' ' -f1)
if echo "$AFTER" | grep -q "\"sha256\":\"$SHA\""; then
  echo "OK: tip $ID survived kill -9 with its photo (sha256 $SHA)"
else
  echo "FAILED: tip $ID or its photo is missing after kill -9" >&2
  exit 1
fi
