#!/usr/bin/env bash
# Collapse demonstration (issue 3): floods a naive-profile server, then a tipline-profile
# server, with the same bounded flood of large uploads on loopback, and prints for each the
# time to collapse, the peak heap and what failed first.
#
#   server/bench/collapse/collapse.sh [seconds=45] [maxRequests=400] [concurrency=48] [uploadMB=16]
#
# Each server runs as its own JVM with its profile's heap (-Xmx from --print-profile); the flood
# client runs in a small JVM of its own. Everything stays on 127.0.0.1 and stops by itself.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jar="$root/server/target/tipflood-server.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q package -pl server -DskipTests)
fi
seconds="${1:-45}" requests="${2:-400}" concurrency="${3:-48}" upload="${4:-16}"
for profile in naive tipline; do
  echo "=== $profile ==="
  java -Xmx128m "$here/CollapseDemo.java" "$jar" "$profile" "$seconds" "$requests" "$concurrency" "$upload" \
    | tee "/tmp/tipflood-collapse-$profile.log"
done
echo "=== result ==="
grep -h "^SUMMARY" /tmp/tipflood-collapse-naive.log /tmp/tipflood-collapse-tipline.log
