#!/usr/bin/env bash
# The soak (issue 16): one command, run it under the shared load lock.
#
#   flock /tmp/tipflood-load.lock loadgen/soak/soak.sh [--profile P] [--duration D] [--scenario S] [--out DIR]
#
# Defaults: fancam-flood stretched to 10m (its 6-minute June 2020 shape, then the legit trickle
# and the flood's tail to 10 minutes) on tipline+full, every defence on; any other profile
# (tipline+throttle, tipline+triage...) with --profile. The short variant, about a minute and a half:
#   loadgen/soak/soak.sh --scenario fancam-flood-smoke --duration 60s
# (--duration cuts or extends a scenario's timeline: fancam-flood cut to 60s has no flood yet).
#
# It runs `tipflood run` (the server as its own JVM), and beside it a separate probe that, every
# second, reads the server's RSS, threads and open file descriptors from /proc and times GET
# /health on the admin port (curl). The server's heap comes from the run's own
# server/timeline.ndjson. Afterwards `tipflood verify` fetches every acknowledged tip back by id
# and checks it by SHA-256. SoakReport.java prints the figures over time and the verdict:
#   RSS <= profile heap + 25%; /health p99 < 100 ms; no growth trend in fds or threads; zero lost tips.
# Everything lands in RUN_DIR/soak/. Exit 0 when every check passes, 1 otherwise.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
profile=tipline+full duration=10m scenario=fancam-flood out="$root/runs"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --profile) profile="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --scenario) scenario="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "soak.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
cli="$root/loadgen/target/tipflood.jar"
[[ -f "$cli" && -f "$root/server/target/tipflood-server.jar" ]] || (cd "$root" && mvn -B -q -DskipTests package)
command -v curl >/dev/null || { echo "soak.sh: needs curl" >&2; exit 2; }
mkdir -p "$out"
before=$(ls "$out" 2>/dev/null | sort | tail -1 || true)

echo "soak: $scenario on $profile for $duration"
(cd "$root" && java -jar "$cli" run "$scenario" --profile "$profile" --duration "$duration" --out "$out") \
  > "$out/.soak-run.log" 2>&1 &
runner=$!

# The run directory and the server child appear once the run has started.
run_dir="" pid="" admin=""
for _ in $(seq 1 600); do
  latest=$(ls "$out" 2>/dev/null | grep -v '^\.' | sort | tail -1 || true)
  if [[ -n "$latest" && "$latest" != "$before" && -f "$out/$latest/server/stdout.log" ]]; then
    run_dir="$out/$latest"
    admin=$(sed -n 's/.*tipflood-server listening public=[0-9]* admin=\([0-9]*\).*/\1/p' "$run_dir/server/stdout.log" | head -1)
    pid=$(pgrep -f "tipflood-server.jar.*--data-dir $run_dir/server/data" | head -1 || true)
    [[ -n "$admin" && -n "$pid" ]] && break
  fi
  kill -0 "$runner" 2>/dev/null || break
  sleep 1
done
if [[ -z "$pid" ]]; then
  wait "$runner" || true
  echo "soak: the run did not start its server; see $out/.soak-run.log" >&2
  cat "$out/.soak-run.log" >&2
  exit 1
fi
mkdir -p "$run_dir/soak"
probe="$run_dir/soak/probe.tsv" health="$run_dir/soak/health.tsv"
echo -e "epochMs\trssKb\tthreads\tfds" > "$probe"
echo -e "epochMs\tstatus\tseconds" > "$health"
echo "soak: probing server pid $pid (admin port $admin) into $run_dir/soak/"
# One /health before the probe starts counting: the first one, taken as the server has just
# started (its JVM still cold, the load generator's JVM starting beside it, no load yet), took
# 140-420 ms in the soaks of 2026-12-05, a start-up cost and not the flood's. Its time is kept
# apart in health-warmup.txt. (The flood's first seconds on a cold server are slow too:
# SoakReport leaves the first 20 s out of its /health check and says how many probes it left out;
# see docs/reliability.md, "The soak".)
curl -s -o /dev/null -m 5 -w "%{http_code}\t%{time_total}\n" "http://127.0.0.1:$admin/health" \
  > "$run_dir/soak/health-warmup.txt" || true
echo "soak: warm-up /health (not counted): $(cat "$run_dir/soak/health-warmup.txt")"
# The probe stops by itself when the server process ends (bounded by the run).
while kill -0 "$pid" 2>/dev/null; do
  now=$(date +%s%3N)
  if rss=$(awk '/^VmRSS:/{print $2}' "/proc/$pid/status" 2>/dev/null) \
      && threads=$(awk '/^Threads:/{print $2}' "/proc/$pid/status" 2>/dev/null) \
      && fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l) && [[ -n "$rss" ]]; then
    echo -e "$now\t$rss\t$threads\t$fds" >> "$probe"
  fi
  curl -s -o /dev/null -m 5 -w "$now\t%{http_code}\t%{time_total}\n" "http://127.0.0.1:$admin/health" >> "$health" || true
  sleep 1
done
status=0
wait "$runner" || status=$?
cp "$out/.soak-run.log" "$run_dir/soak/run.log" && rm -f "$out/.soak-run.log"
echo "soak: run finished (exit $status); verifying every acknowledged tip"
verify_status=0
java -jar "$cli" verify "$run_dir" | tee "$run_dir/soak/verify.txt" || verify_status=$?
java "$here/SoakReport.java" "$run_dir" "$verify_status" | tee "$run_dir/soak/summary.txt"
