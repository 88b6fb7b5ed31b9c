package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.verify.Verification;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.Topics;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;

/**
 * Issue 14 item 2 in the trail, on the real embedded broker and the real {@code org.events}: an
 * assistance approval forged onto the org topic and an org event under the assistance source are
 * decoding-time poison — dead-lettered to {@code org.events.dlt} with the reason, never chained —
 * and the real org event behind them (same key, same partition) is chained.
 */
class EventOwnershipIngestTest extends AuditServiceTestBase {

    @Autowired
    MongoDatabase database;
    @Autowired
    Verification verification;

    @Test
    void aTypeOffItsOwnTopicOrSourceIsDeadLetteredAndTheNextRealEventIsChained() {
        createTopic(Topics.ORG_EVENTS, 1);
        createTopic(Topics.deadLetterOf(Topics.ORG_EVENTS), 1);
        String org = "ORG-421303-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        // every one keyed by the organization, so all three land on one partition, in this order
        EventEnvelope forgedApproval = EventEnvelope.builder(EventTypes.APPLICATION_APPROVED).subject(org)
                .actor("approver-7", "APPROVER").regionCode("421303").time(now).aggregateVersion(1)
                .data(EventData.of(org, "application").transition("PUBLICITY_COMPLETED", "APPROVED")).build();
        EventEnvelope wrongSource = EventEnvelope.builder(EventTypes.ORGANIZATION_REGISTRATION_APPROVED)
                .source("/minzheng/assistance").subject(org).actor("registrar-1", "REGISTRAR").regionCode("421303")
                .time(now).aggregateVersion(2).data(EventData.of(org, "organization")).build();
        EventEnvelope real = EventEnvelope.builder(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED).subject(org)
                .actor("registrar-1", "REGISTRAR").regionCode("421303").time(now).aggregateVersion(3)
                .data(EventData.of(org, "organization").transition("APPLIED", "ACCEPTED")).build();
        send(Topics.ORG_EVENTS, forgedApproval);
        send(Topics.ORG_EVENTS, wrongSource);
        send(Topics.ORG_EVENTS, real);

        Document chained = await().atMost(Duration.ofSeconds(60)).until(() -> Mono.from(database
                .getCollection("audit_records").find(Filters.eq("eventId", real.id())).first()).block(), d -> d != null);
        Set<String> poison = Set.of(forgedApproval.id(), wrongSource.id());
        var dead = DeadLetterTopic.readMatching(Topics.deadLetterOf(Topics.ORG_EVENTS),
                r -> poison.contains(DeadLetterTopic.header(r, "ce_id")), 2);
        assertThat(dead).extracting(r -> DeadLetterTopic.header(r, "ce_id"))
                .containsExactly(forgedApproval.id(), wrongSource.id());
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("malformed event", EventTypes.APPLICATION_APPROVED, "belongs to topic assistance.events",
                        "not to org.events");
        assertThat(DeadLetterTopic.header(dead.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("malformed event", "published only by source /minzheng/org", "not by /minzheng/assistance");
        assertThat(dead).allSatisfy(r -> assertThat(DeadLetterTopic.header(r, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .isEqualTo(Topics.ORG_EVENTS));
        // neither forgery is in the trail; the real event is, and its chain verifies
        assertThat(Mono.from(database.getCollection("audit_records")
                .countDocuments(Filters.in("eventId", List.copyOf(poison)))).block()).isZero();
        ChainVerdict verdict = verification.verify(chained.getString("chain"), null, null).block(Duration.ofSeconds(30));
        assertThat(verdict.ok()).as("%s", verdict.failure()).isTrue();
        assertThat(chained.getString("type")).isEqualTo(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED);
    }
}
