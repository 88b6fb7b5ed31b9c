package cn.minzheng.platform.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.testapp.CaseController;
import cn.minzheng.platform.kit.testapp.CaseControllerEvents;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

/** Publish-after-write through the auto-configured relay, as a service does it. */
class OutboxWebTest extends WebAppTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void eventWrittenWithTheStateChangeReachesKafkaWithTheRequestsTraceparent() {
        String token = TestInfra.issuer().mint("citizen-ow", "张三", List.of("CITIZEN"), "110105");
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String location = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(token))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"applicant\":\"张三\",\"amountFen\":120000}")
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.findById(id, Document.class, CaseController.COLLECTION).block()
                        .getList(PendingEvents.FIELD, Document.class)).isEmpty());

        var mine = TopicProbe.read(CaseController.TOPIC, 1, Duration.ofSeconds(20)).stream()
                .filter(r -> id.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        EventEnvelope event = KafkaCloudEvents.fromRecord(mine.get(0));
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.actorId()).isEqualTo("citizen-ow");
        assertThat(event.traceparent()).contains(traceId);
        assertThat(TopicProbe.header(mine.get(0), CloudEventHeaders.TYPE)).isEqualTo("minzheng.assistance.application.submitted.v1");
    }

    @Test
    void eventBuiltWithoutATraceparentStillCarriesTheRequestsTraceOnKafka() {
        String token = TestInfra.issuer().mint("citizen-tr", "张三", List.of("CITIZEN"), "110105");
        String location = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"applicant\":\"张三\",\"amountFen\":100}")
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().toString();
        String id = location.substring(location.lastIndexOf('/') + 1);
        String traceId = "1af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";

        // the closure endpoint builds its event without .traceparent(...): the kit fills it in
        client().post().uri("/api/cases/" + id + "/closure").headers(h -> h.setBearerAuth(token))
                .header("If-Match", "\"1\"").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange().expectStatus().isOk();

        var closed = await().atMost(Duration.ofSeconds(20)).until(() -> TopicProbe.read(CaseController.TOPIC, 1,
                        Duration.ofSeconds(2)).stream().filter(r -> id.equals(r.key()))
                        .filter(r -> KafkaCloudEvents.fromRecord(r).aggregateVersion() == 2).toList(),
                list -> !list.isEmpty());
        String traceparent = TopicProbe.header(closed.get(0), CloudEventHeaders.TRACEPARENT);
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(traceparent).as("the service's own span, a child of the caller's").doesNotContain(callerSpan);
    }

    @Test
    void scheduledSweepPublishesALeftoverNobodyAskedFor() {
        String id = "MZ-leftover-" + java.util.UUID.randomUUID();
        var principal = new cn.minzheng.platform.kit.security.Principal("clerk-1", "李四",
                java.util.Set.of(cn.minzheng.platform.kit.security.Role.CLERK), "1101");
        // as if the instance died right after the write, before publishing
        PendingEvents.insert(mongo, CaseController.COLLECTION, new Document("_id", id).append("version", 1L),
                List.of(CaseControllerEvents.submitted(id, principal))).block();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                mongo.findById(id, Document.class, CaseController.COLLECTION).block()
                        .getList(PendingEvents.FIELD, Document.class)).isEmpty());
        assertThat(TopicProbe.read(CaseController.TOPIC, 1, Duration.ofSeconds(20)))
                .anyMatch(r -> id.equals(r.key()));
    }

    @Test
    void whileKafkaIsDownWritesAnswerAtOnceAndTheEventsFollowLater() {
        String token = TestInfra.issuer().mint("citizen-kd", "张三", List.of("CITIZEN"), "110105");
        var kafka = TestInfra.infra().kafka();
        String id;
        kafka.stop();
        try {
            long start = System.nanoTime();
            String location = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(token))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"applicant\":\"张三\",\"amountFen\":1}")
                    .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders()
                    .getLocation().toString();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            id = location.substring(location.lastIndexOf('/') + 1);
            assertThat(mongo.findById(id, Document.class, CaseController.COLLECTION).block()
                    .getList(PendingEvents.FIELD, Document.class)).hasSize(1);
        } finally {
            kafka.restart();
        }
        String written = id;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                mongo.findById(written, Document.class, CaseController.COLLECTION).block()
                        .getList(PendingEvents.FIELD, Document.class)).isEmpty());
        assertThat(TopicProbe.read(CaseController.TOPIC, 1, Duration.ofSeconds(20))).anyMatch(r -> written.equals(r.key()));
    }

    @Test
    void outboxMetricsAreOnThePrometheusEndpoint() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> client().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("outbox_pending{application=\"kit-test\",collection=\"cases\"}")
                        .contains("outbox_oldest_age_seconds{application=\"kit-test\",collection=\"cases\"}")));
    }
}
