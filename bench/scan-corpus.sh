#!/usr/bin/env bash
# End-to-end figure: the runnable jar scans the test corpus (27 loopback sites) and the clock runs until
# every municipality's uptake on the API reflects its scan. Builds the jar first if needed.
#   bench/scan-corpus.sh [FILLER_PAGES_PER_SITE]     (default 0)
# The child's output goes to target/scan-corpus-bench-stderr.log.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f target/lokaal-signaal-all.jar ] || [ -n "$(find src/main schemas pom.xml -newer target/lokaal-signaal-all.jar -type f -print -quit)" ]; then
  ./mvnw -q -o -B -DskipTests package
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load before: $(uptime | sed 's/.*load average: //')"
./mvnw -q -o -B test-compile exec:java -Dexec.mainClass=be.lokaalsignaal.scan.ScanCorpusBenchmark \
  -Dexec.classpathScope=test -Dbench.filler="${1:-0}" -Dapicurio.home="$PWD/target/apicurio"
echo "load after: $(uptime | sed 's/.*load average: //')"
