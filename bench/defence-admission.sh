#!/usr/bin/env bash
# One admission decision through the per-device token bucket (Bucket4j, Caffeine map) plus the
# adaptive concurrency limit (concurrency-limits Gradient2), at 1 and 100k live device keys, with the
# limit's light/heavy split off and on.
# Prints JMH's ns/op. Figures only: nothing here is asserted.
#   bench/defence-admission.sh            # build (offline) and run: 1 fork, 5x1s warm-up, 5x1s measured
#   FORKS=3 ITER=10 bench/defence-admission.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FORKS=${FORKS:-1}
ITER=${ITER:-5}
mvn -B -q -o -pl server,bench -am package -DskipTests
java -jar bench/target/benchmarks.jar AdmissionBenchmark -f "$FORKS" -wi 5 -w 1s -i "$ITER" -r 1s -tu ns -bm avgt
