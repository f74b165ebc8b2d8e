#!/usr/bin/env bash
# HTTP benchmark of point lookups, GET /api/municipalities/{nis}, over every NIS code of the bundled
# register in turn:
#   1. latency (p50/p99/p99.9) and throughput at a fixed 1,000 req/s for 30 s (after a 10 s warm-up),
#      with bench/FixedRate.java, which counts latency from when a request was due; then the same rate
#      again, and over exactly that phase the server's CPU time (/proc) and a Flight Recorder recording
#      give CPU, allocation and GC per request, less what the server does in an idle phase of the same
#      length before it;
#   2. the floor: the same generator against bench/ConstantServer.java, the same HTTP server answering a
#      constant body of the same size, beside the idle instance (what the machine and generator leave);
#   3. the same rate with hey on one NIS code, as a cross-check of the generator (if hey is installed);
#   4. the maximum throughput with wrk (2 threads, 32 connections, 30 s).
# It starts `bin/lokaal-signaal run` on a fresh temp data directory with the bundled data (no initial
# scan: the figures are for the API, not for a crawl of the municipal websites running beside it),
# waits until the register is served, measures, and stops the instance.
#
# Needs: wrk (apt-get install -y wrk), curl, jq, python3, bc, jcmd and jfr (in the JDK); hey optional
# (apt-get install -y hey).
# Usage: bench/http.sh            environment: RATE (1000), SECONDS_AT_RATE (30), WRK_SECONDS (30),
#                                 WRK_CONNECTIONS (32), SETTLE_SECONDS (90), PORT (a free one),
#                                 PIN=1: the servers on the first core, the load generators on the second
#                                 (taskset; the server's JVM then sees one core and is told to keep G1)
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rate="${RATE:-1000}"
at_rate="${SECONDS_AT_RATE:-30}"
wrk_seconds="${WRK_SECONDS:-30}"
wrk_connections="${WRK_CONNECTIONS:-32}"
settle="${SETTLE_SECONDS:-90}"

for tool in wrk curl jq java python3 bc jcmd jfr; do
  command -v "$tool" >/dev/null || { echo "bench/http.sh: $tool is missing" >&2; exit 2; }
done

free_port() {
  # a port that was free a moment ago: bind to 0 and read what the kernel chose
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port="${PORT:-$(free_port)}"
# on a shared two-core machine the generator, the server and the JIT take turns on both cores, and the floor's
# p99 alone moved by more than the goal's margin; pinned, each has a core of its own
server_pin=()
client_pin=()
if [ -n "${PIN:-}" ]; then
  command -v taskset >/dev/null || { echo "bench/http.sh: PIN needs taskset" >&2; exit 2; }
  server_pin=(taskset -c 0)
  client_pin=(taskset -c 1)
  # a JVM that sees one core picks the serial collector; the product runs G1
  export JAVA_OPTS="-XX:+UseG1GC ${JAVA_OPTS:-}"
fi
base="http://127.0.0.1:$port"

work="$(mktemp -d -t lokaal-signaal-bench-XXXXXX)"
pid=""
floor_pid=""
stop() {
  [ -n "$floor_pid" ] && kill "$floor_pid" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -rf "$work"
}
trap stop EXIT

echo "== machine"
echo "cores: $(nproc)"
free -g | sed -n 2p | awk '{print "memory: " $2 " GiB total, " $7 " GiB available"}'
java -version 2>&1 | head -1
echo "load before: $(uptime | sed 's/.*load average: //')"
if [ -n "${PIN:-}" ]; then echo "pinned: the servers on core 0, the load generators on core 1"; fi

echo "== starting lokaal-signaal on $base (data in $work/data)"
"${server_pin[@]}" "$home/bin/lokaal-signaal" run --http-port "$port" --data-dir "$work/data" --no-initial-scan >"$work/run.log" 2>&1 &
pid=$!

started=$(date +%s)
until [ "$(curl -s "$base/api/health" | jq -r .status 2>/dev/null)" = "UP" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "lokaal-signaal exited before it was up:" >&2; tail -20 "$work/run.log" >&2; exit 1
  fi
  if [ $(( $(date +%s) - started )) -gt 300 ]; then
    echo "lokaal-signaal not up after 300 s:" >&2; tail -20 "$work/run.log" >&2; exit 1
  fi
  sleep 0.5
done
echo "health UP after $(( $(date +%s) - started )) s"

# every code of both registers (2019 and 2025): merged municipalities are answered too
paths="$work/paths"
tail -q -n +2 "$home/src/main/resources/register/municipalities-2019.csv" "$home/src/main/resources/register/municipalities-2025.csv" \
  | cut -d, -f1 | sort -u | sed 's|^|/api/municipalities/|' >"$paths"
codes=$(wc -l <"$paths")

# health is UP once everything runs; the topology may still be reading the register
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$(tail -1 "$paths")")" = 200 ] \
   && [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$(head -1 "$paths")")" = 200 ]; do
  if [ $(( $(date +%s) - started )) -gt 300 ]; then echo "lookups not answered after 300 s" >&2; exit 1; fi
  sleep 0.5
done
missing=0
while read -r p; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$p")" = 200 ] || missing=$((missing + 1))
done <"$paths"
echo "$codes NIS codes, $missing not answered 200; one answer is $(curl -s "$base$(head -1 "$paths")" | wc -c) bytes"

# CPU time of the server process (user + system, in clock ticks) and a Flight Recorder recording of
# exactly the measured phase, for CPU, allocation and GC per request; an idle phase of the same length
# first, so that what the server does without requests (stream threads, broker) can be subtracted
ticks_per_s=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
# CPU of the threads that serve requests (Jetty's pool; comm is cut at 15 characters): the process figure less
# an idle phase is distorted while the JIT still compiles in the background
http_ticks() {
  local sum=0 t
  for t in /proc/"$pid"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      JettyServerThre*|qtp*) sum=$(( sum + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}') )) ;;
    esac
  done
  echo "$sum"
}
now() { date +%s.%N; }
jfr_start() { jcmd "$pid" JFR.start name=httpbench settings="$home/bench/phase.jfc" >/dev/null; }
jfr_stop() { jcmd "$pid" JFR.stop name=httpbench filename="$1" >/dev/null; }

# a fresh instance compiles and settles for a minute or two (half a core); measured at once, that shows as
# latency and as idle CPU
echo "== settling: $settle s before measuring"
sleep "$settle"

echo "== idle: $at_rate s without requests (load $(uptime | sed 's/.*load average: //'))"
idle_t0=$(now); idle_c0=$(cpu_ticks); jfr_start
sleep "$at_rate"
idle_t1=$(now); idle_c1=$(cpu_ticks); jfr_stop "$work/idle.jfr"
idle_jfr=$(python3 "$home/bench/jfr-phase.py" "$work/idle.jfr")
echo "  cpu $(( idle_c1 - idle_c0 )) ticks in $(echo "$idle_t1 - $idle_t0" | bc) s; $idle_jfr"

echo "== latency: $rate req/s for $at_rate s over $codes codes, nothing recorded (10 s warm-up first; load $(uptime | sed 's/.*load average: //'))"
"${client_pin[@]}" java "$home/bench/FixedRate.java" "$base" "$paths" "$rate" "$at_rate" 10 | grep -v "measured phase"

# a recording, even of allocation and collections only, moves p90 and p99: the cost is measured in a phase of its own
echo "== cost: the same rate again for $at_rate s, with the server's CPU time and a recording over it (load $(uptime | sed 's/.*load average: //'))"
"${client_pin[@]}" java "$home/bench/FixedRate.java" "$base" "$paths" "$rate" "$at_rate" 0 >"$work/fixed.out" 2>&1 &
fixed=$!
wait_for_line() {
  until grep -q "$1" "$work/fixed.out"; do
    kill -0 "$fixed" 2>/dev/null || { cat "$work/fixed.out" >&2; exit 1; }
    sleep 0.05
  done
}
wait_for_line "measured phase starts"
load_t0=$(now); load_c0=$(cpu_ticks); load_h0=$(http_ticks); jfr_start
wait_for_line "measured phase ends"
load_t1=$(now); load_c1=$(cpu_ticks); load_h1=$(http_ticks); jfr_stop "$work/load.jfr"
wait "$fixed"
grep -v "measured phase" "$work/fixed.out" | sed 's/^fixed rate:/fixed rate (while recorded):/'
load_jfr=$(python3 "$home/bench/jfr-phase.py" "$work/load.jfr")
requests=$(sed -n 's/.*requests \([0-9]*\),.*/\1/p' "$work/fixed.out")
python3 - "$ticks_per_s" "$requests" "$idle_t0" "$idle_t1" "$(( idle_c1 - idle_c0 ))" "$idle_jfr" \
    "$load_t0" "$load_t1" "$(( load_c1 - load_c0 ))" "$load_jfr" "$(( load_h1 - load_h0 ))" <<'PY'
import sys
hz, n = int(sys.argv[1]), int(sys.argv[2])
def phase(t0, t1, ticks, jfr):
    kv = dict(p.split("=") for p in jfr.split())
    return float(t1) - float(t0), int(ticks) / hz, kv
idle_s, idle_cpu, idle = phase(*sys.argv[3:7])
load_s, load_cpu, load = phase(*sys.argv[7:11])
http_cpu = int(sys.argv[11]) / hz / n
cpu = (load_cpu - idle_cpu * load_s / idle_s) / n
alloc = (int(load["allocated"]) - int(idle["allocated"]) * load_s / idle_s) / n
print(f"  server per request: CPU of the request threads {http_cpu * 1000:.3f} ms; process CPU less idle {cpu * 1000:.3f} ms (process {load_cpu:.1f} s in {load_s:.1f} s, idle {idle_cpu:.1f} s in {idle_s:.1f} s subtracted),"
      f" allocation {alloc / 1024:.1f} KB (request threads alone {int(load['http']) / n / 1024:.1f} KB)")
print(f"  GC during the phase: {load['gcs']} collections, longest pause {load['longest_pause_ms']} ms, {load['pauses_ms']} ms in all"
      f" (idle phase: {idle['gcs']} collections)")
PY

floor_port="$(free_port)"
size=$(curl -s "$base$(sed -n 2p "$paths")" | wc -c)
echo "== floor: the same generator against bench/ConstantServer.java (a constant answer of $size bytes, as one lookup's, same HTTP server) beside the idle instance"
"${server_pin[@]}" java -XX:+UseG1GC -cp "$home/target/lokaal-signaal-all.jar" "$home/bench/ConstantServer.java" "$floor_port" "$size" >"$work/floor-server.log" 2>&1 &
floor_pid=$!
until curl -s -o /dev/null "http://127.0.0.1:$floor_port/api/municipalities/0"; do
  kill -0 "$floor_pid" 2>/dev/null || { cat "$work/floor-server.log" >&2; exit 1; }
  sleep 0.5
done
"${client_pin[@]}" java "$home/bench/FixedRate.java" "http://127.0.0.1:$floor_port" "$paths" "$rate" "$at_rate" 10 | grep -v "measured phase"
kill "$floor_pid"; wait "$floor_pid" 2>/dev/null || true

if command -v hey >/dev/null; then
  one="$base$(sed -n 2p "$paths")"
  # hey's ten workers start together: its requests arrive in bursts of ten every 10 ms (not evenly spaced)
  echo "== cross-check with hey: $rate req/s (10 workers x $((rate / 10))) for $at_rate s on $one"
  "${client_pin[@]}" hey -z "${at_rate}s" -c 10 -q $((rate / 10)) "$one" \
    | grep -E 'Requests/sec|Average|Slowest|50% in|90% in|99% in|\[[0-9]+\]'
fi

echo "== maximum throughput: wrk, 2 threads, $wrk_connections connections, $wrk_seconds s over $codes codes"
"${client_pin[@]}" wrk -t2 -c"$wrk_connections" -d"${wrk_seconds}s" --latency -s "$home/bench/rotate.lua" "$base" -- "$paths"

echo "== load after: $(uptime | sed 's/.*load average: //')"
echo "== stopping"
