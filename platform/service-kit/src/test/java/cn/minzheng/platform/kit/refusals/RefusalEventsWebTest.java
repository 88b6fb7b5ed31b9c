package cn.minzheng.platform.kit.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** A 403 the service answers itself is reported on its own topic (the test app says it is "assistance"). */
class RefusalEventsWebTest extends WebAppTestBase {

    private static final String TOPIC = "assistance.events";

    @Test
    void aPathRuleRefusalIsReportedWithTheCallerAndTheTrace() {
        String citizen = TestInfra.issuer().mint("citizen-refused", "张三", List.of("CITIZEN"), "110105");

        var result = client().get().uri("/api/clerk/cases/110105/someone").header("Authorization", "Bearer " + citizen)
                .exchange().expectStatus().isForbidden().returnResult(String.class);
        String traceId = result.getResponseHeaders().getFirst("X-Request-Id");

        var event = refusalOf("sub:citizen-refused");
        assertThat(TopicProbe.header(event, CloudEventHeaders.TYPE)).isEqualTo("minzheng.assistance.security.forbidden.v1");
        assertThat(TopicProbe.header(event, CloudEventHeaders.ACTOR_ID)).isEqualTo("citizen-refused");
        assertThat(TopicProbe.header(event, CloudEventHeaders.ACTOR_ROLE)).isEqualTo("CITIZEN");
        assertThat(TopicProbe.header(event, CloudEventHeaders.REGION_CODE)).isEqualTo("110105");
        assertThat(TopicProbe.header(event, CloudEventHeaders.TRACEPARENT)).contains(traceId);
        var data = KafkaCloudEvents.fromRecord(event).data();
        assertThat(data.get("path").asString()).isEqualTo("/api/clerk/cases/110105/someone");
        assertThat(data.get("method").asString()).isEqualTo("GET");
        assertThat(data.get("reason").asString()).isEqualTo("forbidden");
    }

    @Test
    void anAccessPolicyRefusalInAHandlerIsRecordedUnderTheProbedCasesRegionAndTheCallers() {
        // a clerk of another region: the path rule lets the clerk in, AccessPolicy in the handler refuses
        String subject = "clerk-elsewhere-" + java.util.UUID.randomUUID();
        String clerk = TestInfra.issuer().mint(subject, "李四", List.of("CLERK"), "420100");

        client().get().uri("/api/clerk/cases/110105/someone").header("Authorization", "Bearer " + clerk)
                .exchange().expectStatus().isForbidden();

        // issue 14 item 7: the auditors of 110105 see who probed their case; those of 420100 their clerk
        var events = refusalsOf("sub:" + subject, 2);
        assertThat(events).extracting(e -> TopicProbe.header(e, CloudEventHeaders.REGION_CODE))
                .containsExactlyInAnyOrder("110105", "420100");
        for (var event : events) {
            assertThat(TopicProbe.header(event, CloudEventHeaders.ACTOR_ROLE)).isEqualTo("CLERK");
            var data = KafkaCloudEvents.fromRecord(event).data();
            assertThat(data.get("targetRegion").asString()).isEqualTo("110105");
            assertThat(data.get("callerRegion").asString()).isEqualTo("420100");
        }
        assertThat(events).extracting(e -> KafkaCloudEvents.fromRecord(e).data().get("recordedUnder").asString())
                .containsExactlyInAnyOrder("target-region", "caller-region");
    }

    @Test
    void aCallerWithARegionPrefixIsRecordedOnceUnderTheProbedCase() {
        // a prefix claim (3101) is no 区划 code an event can carry: one event, under the case's region
        String subject = "clerk-prefix-" + java.util.UUID.randomUUID();
        String clerk = TestInfra.issuer().mint(subject, "李四", List.of("CLERK"), "3101");

        client().get().uri("/api/clerk/cases/110105001/someone").header("Authorization", "Bearer " + clerk)
                .exchange().expectStatus().isForbidden();

        var only = refusalsOf("sub:" + subject, 1);
        assertThat(TopicProbe.header(only.get(0), CloudEventHeaders.REGION_CODE)).isEqualTo("110105001");
        assertThat(KafkaCloudEvents.fromRecord(only.get(0)).data().get("callerRegion").asString()).isEqualTo("3101");
    }

    @Test
    void offByDefault() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RefusalEventsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(RefusalReporter.class));
    }

    /** At least {@code count} refusal events of the client; then exactly those found. */
    private static List<ConsumerRecord<String, byte[]>> refusalsOf(String clientKey, int count) {
        List<ConsumerRecord<String, byte[]>> found = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            found = TopicProbe.read(TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> clientKey.equals(r.key())).toList();
        }
        assertThat(found).as("refusal events of " + clientKey + " on " + TOPIC).hasSize(count);
        return found;
    }

    private static ConsumerRecord<String, byte[]> refusalOf(String clientKey) {
        Optional<ConsumerRecord<String, byte[]>> found = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = TopicProbe.read(TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> clientKey.equals(r.key())).findFirst();
        }
        assertThat(found).as("refusal event of " + clientKey + " on " + TOPIC).isPresent();
        return found.get();
    }
}
