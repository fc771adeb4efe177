#!/usr/bin/env bash
# Restart time against journal size (issue 16): for each size, writes a journal of that many
# tips (server/bench/restart-time/JournalOfSize.java, through the server's own store), then
# starts the server jar on it three times and prints how long each start took until its
# "listening" line (journal replay, index build, orphan clean-up, both ports bound).
#
#   flock /tmp/tipflood-load.lock server/bench/restart-time/restart-time.sh [sizes...]   (default 1000 100000 1000000)
#
# TIPFLOOD_SERVER_JAR overrides the jar. Runs on 127.0.0.1 only; every server is killed after its start; the journals live in a temp
# directory that is removed at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
jar="${TIPFLOOD_SERVER_JAR:-$root/server/target/tipflood-server.jar}"
[[ -f "$jar" ]] || (cd "$root" && mvn -B -q -DskipTests package)
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 100000 1000000)
work="$(mktemp -d /tmp/tipflood-restart.XXXXXX)"
trap 'rm -rf "$work"' EXIT

start_ms() { # data dir -> milliseconds until the listening line
  local dir="$1" t0 pid line
  t0=$(date +%s%N)
  coproc SERVER { exec java -Xmx512m -jar "$jar" --data-dir "$dir" --port 0 --admin-port 0 --profile tipline \
      --admin-token t 2>"$work/stderr"; }
  pid=$SERVER_PID
  while IFS= read -r -t 300 line <&"${SERVER[0]}"; do
    if [[ "$line" == "tipflood-server listening "* ]]; then
      echo $(( ($(date +%s%N) - t0) / 1000000 ))
      kill -9 "$pid"; wait "$pid" 2>/dev/null || true
      return 0
    fi
  done
  kill -9 "$pid" 2>/dev/null || true
  echo "server did not start: $(cat "$work/stderr")" >&2
  return 1
}

printf '%-10s %12s %10s %10s %10s\n' tips journal start1_ms start2_ms start3_ms
for n in "${sizes[@]}"; do
  dir="$work/data-$n"
  java -Xmx512m -cp "$jar" "$here/JournalOfSize.java" "$dir" "$n" >/dev/null
  size=$(du -h "$dir/tips.journal" | cut -f1)
  a=$(start_ms "$dir"); b=$(start_ms "$dir"); c=$(start_ms "$dir")
  printf '%-10s %12s %10s %10s %10s\n' "$n" "$size" "$a" "$b" "$c"
done
