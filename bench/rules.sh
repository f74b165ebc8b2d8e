#!/usr/bin/env bash
# Rule cost against parsing cost on a 20 KB and a 5 MB page of ordinary municipal Dutch: jsoup's parse, the
# scanner's HTML extraction, the signal rules before (one regex per phrase per rule) and now (Lucene, one pass),
# side by side in one run. CPU time of the measuring thread; medians after a warm-up.
#   bench/rules.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load before: $(uptime | sed 's/.*load average: //')"
./mvnw -q -o -B test-compile exec:java -Dweb.skip=true -Dexec.classpathScope=test \
  -Dexec.mainClass=be.lokaalsignaal.scan.rules.RuleBenchmark
echo "load after: $(uptime | sed 's/.*load average: //')"
