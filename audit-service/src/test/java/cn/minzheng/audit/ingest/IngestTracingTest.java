package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.observability.RequestIds;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The batch ingest takes each event in within the producer's trace: a {@code CONSUMER} span, child of
 * the span named by the record's {@code ce_traceparent}, so the trace that began at the gateway shows
 * audit-service receiving the event; and the stored record keeps the trace id.
 */
@Import(IngestTracingTest.Spans.class)
class IngestTracingTest extends AuditServiceTestBase {

    /** Boot's tracing hands every finished, sampled span to each {@code SpanExporter} bean. */
    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter recordingExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter exporter;

    @Test
    void eachIngestedEventIsAConsumerSpanInItsProducersTrace() {
        String topic = "traced-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 1);
        String traceId = RequestIds.newTraceId();
        String producerSpan = "00f067aa0ba902b7";
        String subject = "DB-421303-20260301-7001";
        EventEnvelope event = EventEnvelope.builder("minzheng.assistance.application.submitted.v1").subject(subject)
                .actor("citizen-traced", "CITIZEN").regionCode("421303001").time(Instant.now()).aggregateVersion(1)
                .traceparent("00-" + traceId + "-" + producerSpan + "-01")
                .data(EventData.of(subject, "application").transition(null, "SUBMITTED")).build();
        send(topic, event);

        SpanData[] consumer = new SpanData[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            consumer[0] = exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER)
                    .findFirst().orElse(null);
            return consumer[0] != null;
        });
        assertThat(consumer[0].getParentSpanId()).isEqualTo(producerSpan);
        assertThat(consumer[0].getName()).isEqualTo(topic + " process");
        String stored = client().get().uri("/api/v1/audit/records?subject=" + subject).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(stored).contains(traceId);
    }
}
