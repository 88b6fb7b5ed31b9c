#!/usr/bin/env bash
# Runs the benchmarks against a running devstack (./devstack.sh) and writes bench/report/report.html.
#   ./bench/run.sh                         every workload, 3 runs of 10 s warm-up + 20 s window
#   ./bench/run.sh gateway submissions     only these
#   ./bench/run.sh --window 60 --verify-records 1000000
# Options: ./bench/run.sh --help (and bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/target/bench-0.1.0-SNAPSHOT-exec.jar
if [ "${BENCH_NO_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  ./mvnw -B -q -ntp -pl bench -am install -DskipTests
fi
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
