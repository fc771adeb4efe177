#!/usr/bin/env bash
# Collapse demonstration: the same bounded flood (a built-in scenario, fancam-flood-smoke by
# default) against the naive profile and then the tipline profile, each with its own server JVM
# started by `tipflood run` at the profile's heap. Prints each run's verdict line: /ready, when
# the service became unavailable, whether it recovered, and the legit tips lost. The full story
# is in each run's report.html (heap, GC, probes, event-loop lag and every request, per second).
#
#   server/bench/collapse/collapse.sh [scenario=fancam-flood-smoke] [profiles="naive tipline"]
#
# Loopback only; each run is bounded by the scenario's duration and the drain bound.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
scenario="${1:-fancam-flood-smoke}"
profiles="${2:-naive tipline}"
jar=loadgen/target/tipflood.jar
[ -f "$jar" ] && [ -f server/target/tipflood-server.jar ] || mvn -B -q package -DskipTests
out="$(mktemp -d /tmp/tipflood-collapse.XXXXXX)"
for profile in $profiles; do
  echo "=== $profile ==="
  java -jar "$jar" run "$scenario" --profile "$profile" --out "$out" | tee "$out/$profile.log" || true
done
echo "=== result ==="
for profile in $profiles; do
  printf '%-16s %s\n' "$profile" "$(grep -E '^(PASSED|FAILED)' "$out/$profile.log" | tail -1)"
done
echo "reports: $out/*/report.html"
