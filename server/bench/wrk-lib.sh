# Shared by throughput-wrk.sh and ab-throughput.sh (sourced, not run). The caller sets
# WORK (scratch dir), LUA (wrk script), CONNS, WRK_THREADS and CLIENT_CPU (array, may be empty).

# The public port a server printed on its start-up line; waits up to 20 s for the line.
listening_port() { # file sed-pattern-with-one-group
  local p
  for _ in $(seq 1 200); do
    p=$(sed -n "s/$2/\\1/p" "$1")
    [ -n "$p" ] && { echo "$p"; return 0; }
    sleep 0.1
  done
  echo "no start-up line in $1" >&2
  exit 1
}
TIP_LINE='^tipflood-server listening public=\([0-9]*\) .*'
BARE_LINE='^bare-endpoint listening public=\([0-9]*\).*'

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime of a process
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# One wrk run: tip POSTs (or a GET of PATH) for SECONDS against PORT; prints
# "requests/s server-CPU-microseconds-per-request" for process PID. Any non-2xx tip POST ends the run.
run() { # port seconds pid [path]
  local c0 c1 url="http://127.0.0.1:$1${4:-/api/v1/tips}"
  local -a script=(-s "$LUA")
  [ -n "${4:-}" ] && script=()
  c0=$(cpu_ticks "$3")
  "${CLIENT_CPU[@]}" wrk -t"$WRK_THREADS" -c"$CONNS" -d"${2}s" "${script[@]}" "$url" > "$WORK/wrk.txt"
  c1=$(cpu_ticks "$3")
  if [ -z "${4:-}" ] && grep -q 'Non-2xx' "$WORK/wrk.txt"; then
    cat "$WORK/wrk.txt" >&2; echo "non-2xx answers" >&2; exit 1
  fi
  awk -v cpu=$(( (c1 - c0) * TICK_US )) '/ requests in / {n = $1} /^Requests\/sec:/ {r = $2}
    END {printf "%s %.1f\n", r, cpu / n}' "$WORK/wrk.txt"
}
