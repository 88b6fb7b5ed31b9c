package cn.minzheng.platform.kit.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Console logs of a service on the kit: one JSON object per line, trace ids in, personal data out. */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsWebTest extends WebAppTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void requestLogLineIsJsonWithTheTraceAndServiceAndMaskedPersonalData(CapturedOutput output) {
        String marker = "marker-" + UUID.randomUUID();
        String traceId = "6bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        client().get().uri(b -> b.path("/test/log").queryParam("marker", marker)
                        .queryParam("idNumber", "11010519491231002X").queryParam("phone", "13812341234").build())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange().expectStatus().isOk();

        String line = await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().lines()
                .filter(l -> l.contains(marker)).findFirst().orElse(null), l -> l != null);

        JsonNode json = JSON.readTree(line);
        assertThat(json.path("message").asString()).isEqualTo(marker + " applicant 110105********002X reachable at 138****1234");
        assertThat(line).doesNotContain("11010519491231002X").doesNotContain("13812341234");
        assertThat(json.path("traceId").asString()).isEqualTo(traceId);
        assertThat(json.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo(callerSpan);
        String service = json.path("service").path("name").asString(json.path("service.name").asString(null));
        assertThat(service).isEqualTo("kit-test");
        assertThat(json.path("log").path("level").asString(json.path("log.level").asString(null))).isEqualTo("INFO");
    }
}
