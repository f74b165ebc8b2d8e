#!/usr/bin/env bash
# The rules of an earlier version and of this one on the same generated page in one JVM, page by page in turn, next
# to jsoup's parse of it: on a shared machine a steadier comparison than separate runs of bench/rules.sh. The earlier
# version's main classes come from a directory, e.g. made with
#   git worktree add /tmp/before edb1fb5 && (cd /tmp/before && ./mvnw -q -o -B compile -Dweb.skip=true)
#   bench/rules-ab.sh /tmp/before/target/classes            (30 pages, 3 rounds, the 5 MB page)
#   bench/rules-ab.sh /tmp/before/target/classes 400 3 20480 (the 20 KB page)
# Prints per round the minimum / first quartile / median CPU time of each.
set -euo pipefail
before=$(realpath "$1")
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "machine: $(nproc) cores; load before: $(uptime | sed 's/.*load average: //')"
./mvnw -q -o -B test-compile -Dweb.skip=true
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -q -o -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp"
java -cp "target/test-classes:target/classes:$(cat "$cp")" be.lokaalsignaal.scan.rules.RuleAbBenchmark "$(cat "$cp")" \
    "$before" target/classes target/test-classes "${2:-30}" "${3:-3}" "${4:-5242880}"
echo "load after: $(uptime | sed 's/.*load average: //')"
