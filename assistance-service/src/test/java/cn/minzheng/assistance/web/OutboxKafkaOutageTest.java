package cn.minzheng.assistance.web;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka down: the write still succeeds, the event waits in the document and flows once Kafka is back. */
class OutboxKafkaOutageTest extends ServiceTestBase {

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedAfterItComesBack() {
        allEvents(); // the topic exists before the outage
        String citizen = token("citizen-outage", "CITIZEN", "421303001");
        String number;
        EmbeddedInfra.shared().kafka().stop();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> created = http.post().uri("/api/v1/assistance/applications")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Requests.dibao(140, "800.00")).exchange()
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            number = (String) created.get("number");
        } finally {
            EmbeddedInfra.shared().kafka().restart();
        }
        String n = number;
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(ApplicationApiTest.recordsOf(n))
                        .extracting(r -> KafkaCloudEvents.fromRecord(r).type())
                        .containsOnly("minzheng.assistance.application.submitted.v1").isNotEmpty());
        // at-least-once: a retry after the outage may repeat a record, never with another event id
        assertThat(ApplicationApiTest.recordsOf(n)).extracting(r -> KafkaCloudEvents.fromRecord(r).id())
                .containsOnly(ApplicationApiTest.recordsOf(n).stream().map(r -> KafkaCloudEvents.fromRecord(r).id())
                        .findFirst().orElseThrow());
    }
}
