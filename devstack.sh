#!/usr/bin/env bash
# The whole platform locally, one command, no Docker: builds what it needs, then starts Kafka
# (KRaft), the Mongo-wire server, the token issuer, the registry, the services and the gateway,
# each in its own JVM. Ctrl-C stops everything. Options: --reset (wipe .devstack/ data),
# --no-build (skip the Maven build), --only infra (just Kafka, Mongo and the token issuer).
set -euo pipefail
cd "$(dirname "$0")"
build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done
if [ "$build" = 1 ]; then
  echo "devstack: building the platform (./mvnw package -DskipTests) ..."
  ./mvnw -B -q -ntp package -DskipTests
fi
exec java -jar devstack/target/devstack-0.1.0-SNAPSHOT.jar ${args[@]+"${args[@]}"}
