#!/usr/bin/env bash
# Times corpus generation: a corpus of about 2GB unscaled at scale 0.01 (~20MB on disk),
# generated cold in a fresh JVM and a fresh cache directory, RUNS times (default 3).
# Usage: scenarios/bench/corpus-speed.sh [scenario-name-or-yaml] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario="${1:-scenarios/bench/corpus-2gb.yaml}"
runs="${2:-3}"
mvn -B -o -q -pl scenarios test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q -pl scenarios dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="scenarios/target/classes:scenarios/target/test-classes:$(cat "$cp_file")"
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  java -cp "$cp" dev.tipflood.scenarios.corpus.CorpusSpeed "$scenario"
  end=$(date +%s%N)
  awk -v i="$i" -v ns="$((end - start))" 'BEGIN { printf "run %d: %.2f s including JVM start\n", i, ns / 1e9 }'
done
