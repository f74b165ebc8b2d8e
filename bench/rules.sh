#!/usr/bin/env bash
# Rule cost against parsing cost on a 20 KB and a 5 MB page of ordinary municipal Dutch: jsoup's parse, the
# scanner's HTML extraction, Lucene's tokenizer alone, the signal rules before (one regex per phrase per rule) and
# now (one pass over the page's words), side by side in one run, and the parse and the rules in turn (parse, then
# rules, every run, as a scan meets a page). CPU time of the measuring thread; medians after a warm-up. Runs in
# JVMs of their own (not inside Maven's), with the test classpath: three by default, since the JIT's choices
# differ from JVM to JVM (jsoup's parse of the 5 MB page took 29 ms in one and 42 ms in the next).
#   bench/rules.sh            FORKS=1 bench/rules.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load before: $(uptime | sed 's/.*load average: //')"
./mvnw -q -o -B test-compile -Dweb.skip=true
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -q -o -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
# the heap fixed and touched at start: page faults of a growing heap otherwise double some runs of either step
for fork in $(seq 1 "${FORKS:-3}"); do
  echo "JVM $fork of ${FORKS:-3}"
  java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp "target/test-classes:target/classes:$(cat "$cp")" \
    be.lokaalsignaal.scan.rules.RuleBenchmark
done
echo "load after: $(uptime | sed 's/.*load average: //')"
