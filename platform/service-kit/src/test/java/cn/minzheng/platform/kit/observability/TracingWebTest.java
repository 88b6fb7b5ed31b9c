package cn.minzheng.platform.kit.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.testapp.CaseController;
import cn.minzheng.platform.kit.testapp.RecordingListener;
import cn.minzheng.platform.kit.testapp.RecordingSpanExporter;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Spans a service on the kit produces, caught by an in-memory exporter (as an OTLP exporter would get
 * them): the server span continues the caller's traceparent and is the span events carry; the outbox
 * publish is a producer span and a consumed record a consumer span in the same trace; a WebClient call
 * is a client span the callee continues.
 */
class TracingWebTest extends WebAppTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    RecordingSpanExporter exporter;

    @BeforeAll
    static void topics() {
        TestInfra.infra().kafka().createTopics(Map.of(RecordingListener.TOPIC, 1));
    }

    @Test
    void theServerSpanContinuesTheIncomingTraceparent() {
        String traceId = RequestIds.newTraceId();
        String callerSpan = "00f067aa0ba902b7";

        var response = client().get().uri("/test/trace/echo").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange().expectStatus().isOk().returnResult(String.class);

        SpanData server = awaitSpan(traceId, SpanKind.SERVER, s -> callerSpan.equals(s.getParentSpanId()));
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
        assertThat(server.getName()).contains("/test/trace/echo");
        assertThat(response.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(traceId);
    }

    @Test
    void withoutATraceparentTheRequestIdIsTheServerSpansTrace() {
        var response = client().get().uri("/test/trace/echo").exchange().expectStatus().isOk().returnResult(String.class);
        String traceId = response.getResponseHeaders().getFirst("X-Request-Id");

        SpanData server = awaitSpan(traceId, SpanKind.SERVER, s -> true);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void theEventCarriesTheServerSpanAndItsPublishIsAProducerSpanInTheTrace() {
        String traceId = RequestIds.newTraceId();
        String callerSpan = "1a2b3c4d5e6f7081";
        String token = TestInfra.issuer().mint("citizen-traced", "张三", List.of("CITIZEN"), "110105");

        var created = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(token))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"applicant\":\"张三\",\"amountFen\":100}")
                .exchange().expectStatus().isCreated().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        String caseId = (String) created.get("id");

        var record = await().atMost(Duration.ofSeconds(30)).until(() -> TopicProbe.read(CaseController.TOPIC,
                        Integer.MAX_VALUE, Duration.ofSeconds(2)).stream().filter(r -> caseId.equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        String eventTraceparent = TopicProbe.header(record, CloudEventHeaders.TRACEPARENT);

        SpanData server = awaitSpan(traceId, SpanKind.SERVER, s -> callerSpan.equals(s.getParentSpanId()));
        assertThat(eventTraceparent).isEqualTo("00-" + traceId + "-" + server.getSpanId() + "-01");
        SpanData publish = awaitSpan(traceId, SpanKind.PRODUCER, s -> s.getName().equals(CaseController.TOPIC + " publish"));
        assertThat(publish.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(publish.getAttributes().asMap().toString()).contains("messaging.destination.name=" + CaseController.TOPIC);
    }

    @Test
    void aConsumedRecordIsAConsumerSpanInTheRecordsTrace() {
        String traceId = RequestIds.newTraceId();
        String producerSpan = "0af7651916cd43dd";
        String id = "MZ-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED).subject(id).actor("c", "CITIZEN")
                .regionCode("110105").aggregateVersion(1).traceparent("00-" + traceId + "-" + producerSpan + "-01")
                .data(EventData.of(id, "application").transition(null, "SUBMITTED")).build();
        send(event);

        SpanData consumer = awaitSpan(traceId, SpanKind.CONSUMER, s -> producerSpan.equals(s.getParentSpanId()));
        assertThat(consumer.getName()).isEqualTo(RecordingListener.TOPIC + " process");
        // the listener worked in that span: its logs and the events it writes name it
        await().atMost(Duration.ofSeconds(10)).until(() -> RecordingListener.TRACE_IN_MDC.containsKey(event.id()));
        assertThat(RecordingListener.TRACE_IN_MDC.get(event.id()))
                .isEqualTo(traceId + "/" + consumer.getSpanId() + "/00-" + traceId + "-" + consumer.getSpanId() + "-01");
    }

    @Test
    void aWebClientCallIsAClientSpanThatTheCalleeContinues() {
        String traceId = RequestIds.newTraceId();
        String callerSpan = "5e6f70811a2b3c4d";

        var body = client().get().uri("/test/trace/outgoing").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange().expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();

        SpanData outer = awaitSpan(traceId, SpanKind.SERVER, s -> callerSpan.equals(s.getParentSpanId()));
        SpanData client = awaitSpan(traceId, SpanKind.CLIENT, s -> outer.getSpanId().equals(s.getParentSpanId()));
        assertThat(body.get("calleeSaw")).isEqualTo("00-" + traceId + "-" + client.getSpanId() + "-01");
        SpanData callee = awaitSpan(traceId, SpanKind.SERVER, s -> client.getSpanId().equals(s.getParentSpanId()));
        assertThat(callee.getName()).contains("/test/trace/echo");
    }

    private SpanData awaitSpan(String traceId, SpanKind kind, Predicate<SpanData> which) {
        try {
            return await().atMost(Duration.ofSeconds(20)).until(() -> exporter.ofTrace(traceId).stream()
                            .filter(s -> s.getKind() == kind).filter(which).findFirst().orElse(null),
                    span -> span != null);
        } catch (ConditionTimeoutException missing) {
            throw new AssertionError("no such " + kind + " span in trace " + traceId + "; exported: "
                    + exporter.ofTrace(traceId).stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getSpanId()
                    + " parent " + s.getParentSpanId()).toList(), missing);
        }
    }

    private static void send(EventEnvelope event) {
        var props = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.infra().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            producer.send(KafkaCloudEvents.toRecord(RecordingListener.TOPIC, event));
            producer.flush();
        }
    }
}
