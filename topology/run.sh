#!/usr/bin/env bash
# The production-topology run: docker-compose.yml brought up without Docker, each service on a host of
# its own (network namespaces), with the real Keycloak, Kafka, PostgreSQL and Prometheus, then used as
# people would (topology/README.md). Needs root and a JDK >= 21 for Keycloak; under CI=true anything
# missing is a failure, never a skip. Builds what is missing first; `--keep` leaves the stack up.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(./mvnw -B -ntp -q)
jars_missing() {
  for m in registry-service gateway assistance-service org-service audit-service console; do
    ls "$m"/target/"$m"-*.jar >/dev/null 2>&1 || return 0
  done
  [[ -f topology/target/run-classpath.txt && -d topology/target/classes ]] || return 0
  return 1
}
if jars_missing; then
  echo "building the service jars and the run (./mvnw package -DskipTests)"
  "${MVN[@]}" -pl registry-service,gateway,assistance-service,org-service,audit-service,console,topology -am package -DskipTests
fi

# the Keycloak server distribution of the version compose runs, kept in the Maven repository
KC_VERSION=$(sed -n 's#.*image: *quay.io/keycloak/keycloak:\([^ ]*\).*#\1#p' docker-compose.yml | head -1)
KC_ZIP="$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip"
if [[ ! -f "$KC_ZIP" ]]; then
  echo "fetching org.keycloak:keycloak-quarkus-dist:$KC_VERSION (zip, ~177 MB) into the Maven repository"
  "${MVN[@]}" dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -Dtransitive=false
fi

# the run's browser (ConsoleChecks) sends the Host a browser sends to a published port (localhost:8080)
exec java -Dslf4j.internal.verbosity=ERROR -Djdk.httpclient.allowRestrictedHeaders=host -cp "topology/target/classes:$(cat topology/target/run-classpath.txt)" cn.minzheng.topology.TopologyRun --root . "$@"
