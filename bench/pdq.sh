#!/usr/bin/env bash
# PDQ figures for issue 13: decode and hash of a 1600x1004 JPEG (Meta's bridge photo from
# ../shared/data/pdq-reference), timed apart, the five upload views, one index lookup at 100k and
# 1M entries, and one upload matched with its views against a blocklist of 100k and 1M hashes.
# Prints JMH's averages. Figures only: nothing here is asserted.
#   bench/pdq.sh                  # build and run: 1 fork, 5x1s warm-up, 5x1s measured
#   FORKS=3 ITER=10 bench/pdq.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FORKS=${FORKS:-1}
ITER=${ITER:-5}
mvn -B -q -pl server,bench -am package -DskipTests
# The 1M index holds ~110 MB: give the fork room so GC does not dominate set-up.
java -jar bench/target/benchmarks.jar 'PdqHashBenchmark|PdqLookupBenchmark|PdqBlocklistBenchmark' -f "$FORKS" -wi 5 -w 1s -i "$ITER" -r 1s \
  -bm avgt -jvmArgs "-Xmx2g -Djava.awt.headless=true"
