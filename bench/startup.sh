#!/usr/bin/env bash
# Launch-to-health of the runnable jar started by bin/lokaal-signaal (bundled register, no initial scan), three ways, RUNS times each:
#   fresh       a new, empty data directory
#   clean stop  the same directory after SIGTERM
#   kill -9     the same directory after SIGKILL of the application (its registry child is left to itself)
# The clock runs from the launch of the JVM until GET /api/health answers 200 UP.
#   bench/startup.sh [RUNS]        (default 3)
# Output of the runs goes to target/startup-bench/. Builds the jar first if needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-3}"
if [ ! -f target/lokaal-signaal-all.jar ] || [ -n "$(find src/main schemas pom.xml -newer target/lokaal-signaal-all.jar -type f -print -quit)" ]; then
  ./mvnw -q -o -B -DskipTests package
fi
work="$(mktemp -d /tmp/startup-bench.XXXXXX)"
logs="target/startup-bench"
mkdir -p "$logs"
port=$(( 20000 + RANDOM % 20000 ))
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
load() { cut -d' ' -f1 /proc/loadavg; }

# launch DATA_DIR LOG: starts the jar in the background, sets $pid and $launched
launch() {
  launched=$(now_ms)
  bin/lokaal-signaal run \
      --data-dir "$1" --http-port "$port" --kafka-port 0 --registry-port 0 --no-initial-scan >"$2" 2>&1 &
  pid=$!
}

# await_up: seconds from launch until health is UP (fails after 5 minutes)
await_up() {
  while true; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = "200" ]; then
      echo "scale=1; ($(now_ms) - $launched) / 1000" | bc
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "the application exited; see its log" >&2; exit 1; fi
    if [ $(( $(now_ms) - launched )) -gt 300000 ]; then echo "not up within 5 minutes" >&2; exit 1; fi
    sleep 0.1
  done
}

stop() {
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

crash() {
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1)"
printf '%-4s %-11s %9s %13s\n' run case seconds "load before"
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  l=$(load); launch "$data" "$logs/fresh-$run.log"; s=$(await_up)
  printf '%-4s %-11s %9s %13s\n' "$run" fresh "$s" "$l"
  stop
  l=$(load); launch "$data" "$logs/clean-$run.log"; s=$(await_up)
  printf '%-4s %-11s %9s %13s\n' "$run" "clean stop" "$s" "$l"
  crash
  l=$(load); launch "$data" "$logs/kill-$run.log"; s=$(await_up)
  printf '%-4s %-11s %9s %13s\n' "$run" "kill -9" "$s" "$l"
  stop
  rm -rf "$data"
done
echo "load after: $(uptime | sed 's/.*load average: //')"
