package cn.minzheng.assistance.web;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** org.events → providers in good standing → assignment → flagged when the organization is listed. */
class ProviderReadModelTest extends ServiceTestBase {
    static final String CLERK = token("clerk-prov", "CLERK", "421303001");
    static final String APPROVER = token("approver-prov", "APPROVER", "421303");

    static void publish(List<ProducerRecord<String, byte[]>> records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfra.shared().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    static ProducerRecord<String, byte[]> org(String orgId, String type, EventData data) {
        EventEnvelope e = EventEnvelope.builder("minzheng.org.organization." + type + ".v1")
                .id(UUID.randomUUID().toString()).source("/minzheng/org").subject(orgId)
                .time(java.time.Instant.now()).actor("registrar-1", "REGISTRAR").regionCode("421303")
                .aggregateVersion(1).data(data).build();
        return KafkaCloudEvents.toRecord(Topics.ORG_EVENTS, e);
    }

    @Test
    void onlyProvidersInGoodStandingAreAssignedAndAListingFlagsTheirCases() {
        String good = "org-" + UUID.randomUUID();
        String pending = "org-" + UUID.randomUUID();
        publish(List.of(
                org(good, "registration-applied", EventData.of(good, "organization")
                        .put("orgType", "SOCIAL_SERVICE_AGENCY").put("name", "曾都区爱心社工服务中心")),
                org(good, "registration-approved", EventData.of(good, "organization")
                        .put("creditCode", "52421303MJ0000001X")),
                org(pending, "registration-applied", EventData.of(pending, "organization")
                        .put("orgType", "SOCIAL_SERVICE_AGENCY").put("name", "未登记机构"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/api/v1/assistance/providers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + good + "')].name").isEqualTo("曾都区爱心社工服务中心")
                .jsonPath("$[?(@.id == '" + pending + "')]").doesNotExist());

        String number = activeCase(160, "citizen-prov", CLERK, APPROVER);
        String base = "/api/v1/assistance/applications/" + number;
        @SuppressWarnings("unchecked")
        Map<String, Object> c = http.get().uri(base).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        http.post().uri(base + "/provider").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .header(HttpHeaders.IF_MATCH, "\"" + c.get("version") + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", pending)).exchange().expectStatus().isEqualTo(422);
        c = post(base + "/provider", CLERK, Map.of("providerId", good), c.get("version"));
        assertThat(c.get("provider")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("providerId", good).containsEntry("flagged", false);

        // garbage and unknown types do not stop the consumer
        publish(List.of(new ProducerRecord<>(Topics.ORG_EVENTS, good, "not an event".getBytes(StandardCharsets.UTF_8)),
                org(good, "announced", EventData.of(good, "organization").put("matter", "年检")),
                org(good, "serious-listed", EventData.of(good, "organization").reason("弄虚作假骗取登记"))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri(base)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.provider.flagged").isEqualTo(true)
                .jsonPath("$.provider.flagReason").value(r -> assertThat((String) r).contains("严重违法失信")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(number);
            assertThat(events).extracting(EventEnvelope::type).contains(
                    "minzheng.assistance.application.provider-assigned.v1",
                    "minzheng.assistance.application.provider-flagged.v1");
            events.forEach(e -> assertThat(EventSchemaValidator.shared().validate(e)).as(e.type()).isEmpty());
        });
        http.get().uri("/api/v1/assistance/providers").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + good + "')]").doesNotExist();
    }
}
