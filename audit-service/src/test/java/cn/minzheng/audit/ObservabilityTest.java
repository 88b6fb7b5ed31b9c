package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.CheckpointFreshness;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.Checkpointing;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import reactor.core.publisher.Mono;

/** Trace ids from producer to trail, the metrics the alerts and dashboard use, rotated keys. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends AuditServiceTestBase {

    static final Instant T0 = Instant.parse("2025-07-01T00:00:00Z");
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Autowired
    MongoDatabase database;
    @Autowired
    Checkpointing checkpointing;
    @Autowired
    CheckpointFreshness freshness;
    @Autowired
    CheckpointStore checkpoints;

    private static String newTopic(String prefix, int partitions) {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, partitions);
        return topic;
    }

    private long stored(String topic) {
        return Mono.from(database.getCollection("audit_records").countDocuments(Filters.eq("topic", topic)))
                .block(Duration.ofSeconds(10));
    }

    private void forget(String chain) {
        Mono.from(database.getCollection("audit_records").deleteMany(Filters.eq("chain", chain))).block();
        Mono.from(database.getCollection("chain_heads").deleteMany(Filters.eq("_id", chain))).block();
        Mono.from(database.getCollection("checkpoints").deleteMany(Filters.eq("chain", chain))).block();
    }

    @Test
    void theProducersTraceIdIsOnTheStoredRecordAndInTheIngestLog(CapturedOutput output) {
        String topic = newTopic("trace", 1);
        String subject = "DB-421303-20250701-" + UUID.randomUUID().toString().substring(0, 4);
        send(topic, event(EventTypes.APPLICATION_SUBMITTED, subject, "421303001", null, "SUBMITTED", null, T0)
                .toBuilder().traceparent(TRACEPARENT).build());
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(topic) == 1);

        client().get().uri("/api/v1/audit/records?subject=" + subject + "&limit=5")
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].traceId").isEqualTo(TRACE_ID);

        // a record the trail cannot keep is reported inside the producer's trace
        String otherTrace = "0af7651916cd43dd8448eb211c80319c";
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(topic, "k",
                "not an event".getBytes(StandardCharsets.UTF_8));
        poison.headers().add(CloudEventHeaders.TRACEPARENT,
                ("00-" + otherTrace + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
        send(poison);
        await().atMost(Duration.ofSeconds(60)).until(() -> output.getAll().lines()
                .anyMatch(l -> l.contains("dead-lettering " + topic) && l.contains(otherTrace)));
    }

    @Test
    void chainHeadsAndTheCheckpointAgeAreExported() {
        String topic = newTopic("metrics", 1);
        String chain = topic + "-0";
        try {
            for (int i = 0; i < 3; i++) {
                send(topic, event(EventTypes.APPLICATION_SUBMITTED, "DB-M-" + i, "421303", null, "SUBMITTED", null,
                        T0.plusSeconds(i)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(topic) == 3);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> scrape("audit_chain_head_sequence", "chain=\"" + chain + "\"").orElse(0) == 3.0);

            // a run that signs every moved head resets the age to its own start
            Instant beforeRun = Instant.now();
            checkpointing.signMovedHeads().blockLast(Duration.ofMinutes(2));
            Instant covered = freshness.coveredAt();
            assertThat(covered).isAfterOrEqualTo(beforeRun.minusMillis(1));
            double age = scrape("audit_checkpoint_age_seconds").orElseThrow();
            assertThat(age).isBetween(0.0, Duration.between(covered, Instant.now()).toMillis() / 1000.0 + 0.01);

            // a record edited after the last checkpoint: the run refuses it and the age keeps growing
            send(topic, event(EventTypes.APPLICATION_SUBMITTED, "DB-M-3", "421303", null, "SUBMITTED", null, T0));
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(topic) == 4);
            Mono.from(database.getCollection("audit_records").updateOne(Filters.eq("_id", chain + "#4"),
                    Updates.set("actorId", "someone-else"))).block();
            double refusedBefore = scrape("audit_checkpoint_refused_total").orElse(0);
            checkpointing.signMovedHeads().blockLast(Duration.ofMinutes(2));
            assertThat(freshness.coveredAt()).isEqualTo(covered);
            assertThat(scrape("audit_checkpoint_refused_total").orElseThrow()).isEqualTo(refusedBefore + 1);
            assertThat(scrape("audit_chain_head_sequence", "chain=\"" + chain + "\"")).hasValue(4.0);
        } finally {
            forget(chain);
        }
        checkpointing.signMovedHeads().blockLast(Duration.ofMinutes(2));
        assertThat(freshness.coveredAt()).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void aCheckpointSignedByARetiredKeyStillAnchorsVerification() {
        String topic = newTopic("rotation", 1);
        String chain = topic + "-0";
        for (int i = 0; i < 4; i++) {
            send(topic, event(EventTypes.APPLICATION_SUBMITTED, "DB-R-" + i, "421303", null, "SUBMITTED", null,
                    T0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(topic) == 4);
        String hash2 = Mono.from(database.getCollection("audit_records").find(Filters.eq("_id", chain + "#2")).first())
                .block().getString("hash");
        // signed before the rotation by the retired key, and a forgery by a key nobody configured
        checkpoints.insert(RETIRED_KEY.sign(new ChainHead(chain, 2, hash2), T0)).block();
        checkpoints.insert(SigningKey.generate().sign(new ChainHead(chain, 3, "ff".repeat(32)), T0)).block();

        client().get().uri("/api/v1/audit/chains/{c}/verification", chain).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.count").isEqualTo(4)
                .jsonPath("$.signedUpTo").isEqualTo(2);
        // the signer anchors on the retired key's checkpoint, not on the forgery (which would break the link)
        Checkpoint next = checkpointing.signIfMoved(chain).block(Duration.ofSeconds(30));
        assertThat(next).isNotNull();
        assertThat(next.sequence()).isEqualTo(4);
        assertThat(next.keyId()).isNotEqualTo(RETIRED_KEY.keyId());
        client().get().uri("/api/v1/audit/chains/{c}/verification", chain).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true).jsonPath("$.signedUpTo").isEqualTo(4);
    }
}
