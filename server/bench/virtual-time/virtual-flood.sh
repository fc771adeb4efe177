#!/usr/bin/env bash
# The capacity model in virtual time: hours of flood against a profile's pipeline in seconds.
#   server/bench/virtual-time/virtual-flood.sh [profile=naive] [hours=2] [junkPerSecond=500] [legitPerMinute=10]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
cd "$root"
mvn -B -q compile dependency:build-classpath -pl server -Dmdep.outputFile=/tmp/tipflood-server.cp >/dev/null
java -Xmx1g -cp "server/target/classes:$(cat /tmp/tipflood-server.cp)" "$here/VirtualFlood.java" "$@"
