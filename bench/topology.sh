#!/usr/bin/env bash
# Topology against a raw consume->produce pipe on the same embedded broker, over the same WebsitePage
# records (be.lokaalsignaal.topology.UptakeTopologyBenchmark): records per second with start-up and in
# steady state (the last 80% of the pages), CPU time of the working thread per page, and the load
# average of the machine, in one run.
#   bench/topology.sh                         1,000,000 pages, the production settings
#   PAGES=200000 bench/topology.sh            fewer pages
#   bench/topology.sh -Dbenchmark.commitMs=5000 -Dbenchmark.cacheMb=64 -Dbenchmark.idleMs=0 -Dbenchmark.threads=2 \
#                     -Dbenchmark.compression=none
#                                             the same with other topology settings
#   PROFILE=1 bench/topology.sh               with a Flight Recorder profile in target/topology-benchmark.jfr
#                                             (read it with `jfr print --events jdk.ExecutionSample`)
# The full output goes to target/topology-benchmark.log; the summary is printed at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages="${PAGES:-1000000}"
opts="-Xmx4g"
if [ -n "${PROFILE:-}" ]; then
  opts="$opts -XX:StartFlightRecording=filename=target/topology-benchmark.jfr,settings=profile"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -o -B test-compile
MAVEN_OPTS="$opts" ./mvnw -q -o -B exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=be.lokaalsignaal.topology.UptakeTopologyBenchmark -Dbenchmark.pages="$pages" "$@" \
  >target/topology-benchmark.log 2>&1
grep -E "^(produced|raw pipe copied|topology settings|uptake topology processed|downstream)" target/topology-benchmark.log
sed -n '/website-pages records; load average/,$p' target/topology-benchmark.log
