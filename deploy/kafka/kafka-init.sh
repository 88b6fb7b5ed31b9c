#!/usr/bin/env bash
# kafka-init (docker-compose.yml): who may do what on the platform's Kafka. Runs at every `up`, on the
# apache/kafka image, as the admin principal (admin.properties); every step is idempotent, so a changed
# password file or a new ACL here takes effect at the next `docker compose up`.
#
# Topics (platform/events Topics.java): one per producing service plus its dead-letter topic <topic>.dlt.
# Who writes and reads what (from the services' producers and listeners):
#   assistance-service  writes assistance.events (outbox); reads org.events as group
#                       assistance-provider-read-model; dead-letters to org.events.dlt
#   org-service         writes org.events (outbox)
#   gateway             writes gateway.security-events
#   audit-service       writes audit.events (auditors' reads of personal data); reads every event topic
#                       as group audit-service; dead-letters to <topic>.dlt of each
# No producer is transactional (the kit removes transactional.id): no TransactionalId ACLs. Idempotent
# producers need only Write on their topic (Kafka >= 3.2).
set -euo pipefail

BIN=/opt/kafka/bin
ADMIN=(--bootstrap-server kafka:9092 --command-config /etc/kafka/admin.properties)
EVENT_TOPICS=(assistance.events org.events audit.events gateway.security-events)
PARTITIONS=3        # per event topic: one audit chain per partition
DLT_PARTITIONS=1    # what audit-service's own topic check asks for (IngestConfiguration)

# Runs the commands given as quoted strings at once (each is a JVM start) and fails if any failed.
together() {
  local pids=() failed=0
  for command in "$@"; do
    bash -c "$command" & pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
  done
  return $failed
}

q() { printf '%q ' "$@"; }

# 1. one SCRAM-SHA-512 credential per service principal, from the service's secret file
credentials=()
for principal in assistance-service org-service audit-service gateway; do
  file=/run/secrets/kafka_${principal//-/_}_password
  password=$(cat "$file")
  if [[ -z "$password" || ! "$password" =~ ^[A-Za-z0-9._~-]+$ ]]; then
    echo "$file: empty, or characters other than letters, digits and . _ ~ - (deploy/secrets/README.md)" >&2
    exit 1
  fi
  credentials+=("$(q "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$principal" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]") >/dev/null")
done
together "${credentials[@]}"
echo "kafka-init: SCRAM-SHA-512 credentials of assistance-service, org-service, audit-service, gateway"

# 2. the topics, with their partitions (auto.create.topics.enable=false: nothing else makes them)
topics=()
for topic in "${EVENT_TOPICS[@]}"; do
  topics+=("$(q "$BIN/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 1) >/dev/null")
  topics+=("$(q "$BIN/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists --topic "$topic.dlt" \
    --partitions "$DLT_PARTITIONS" --replication-factor 1) >/dev/null")
done
together "${topics[@]}"
echo "kafka-init: topics ${EVENT_TOPICS[*]} ($PARTITIONS partitions) and their .dlt ($DLT_PARTITIONS)"

# 3. the ACLs (allow.everyone.if.no.acl.found=false: what is not allowed here is refused)
acl() { q "$BIN/kafka-acls.sh" "${ADMIN[@]}" --add "$@"; printf '>/dev/null'; }
dlts=(); reads=()
for topic in "${EVENT_TOPICS[@]}"; do dlts+=(--topic "$topic.dlt"); reads+=(--topic "$topic"); done
together \
  "$(acl --allow-principal User:assistance-service --operation Write --topic assistance.events)" \
  "$(acl --allow-principal User:assistance-service --operation Read --topic org.events --group assistance-provider-read-model)" \
  "$(acl --allow-principal User:assistance-service --operation Write --topic org.events.dlt)" \
  "$(acl --allow-principal User:org-service --operation Write --topic org.events)" \
  "$(acl --allow-principal User:gateway --operation Write --topic gateway.security-events)" \
  "$(acl --allow-principal User:audit-service --operation Write --topic audit.events "${dlts[@]}")" \
  "$(acl --allow-principal User:audit-service --operation Read "${reads[@]}" --group audit-service)"
echo "kafka-init: ACLs — each service writes its own topic only, audit-service reads every event topic"
