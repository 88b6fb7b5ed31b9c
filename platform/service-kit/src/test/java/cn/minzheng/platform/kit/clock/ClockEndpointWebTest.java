package cn.minzheng.platform.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.CloudEventHeaders;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.TopicProbe;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** The adjustable business clock over real HTTP with real tokens (the test app sets minzheng.clock.adjustable). */
@ExtendWith(OutputCaptureExtension.class)
class ClockEndpointWebTest extends WebAppTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    Clock clock;

    @Test
    void theServicesClockIsTheKitsBusinessClock() {
        assertThat(clock).isInstanceOf(BusinessClock.class);
    }

    @Test
    void anAdminReadsTheClock() {
        var body = client().get().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-reader"))).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(body).containsOnlyKeys("now", "offset");
        assertThat(Duration.parse((String) body.get("offset"))).isEqualTo(business().offset());
        Instant now = Instant.parse((String) body.get("now"));
        assertThat(Duration.between(Instant.now().plus(business().offset()), now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAdminAdvancesTheClockAndTheWarnLineNamesThem(CapturedOutput output) {
        Duration before = business().offset();
        Instant businessBefore = clock.instant();

        var body = client().post().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-mover")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"advanceBy\":\"P8D\"}").exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(Duration.parse((String) body.get("offset"))).isEqualTo(before.plusDays(8));
        assertThat(Instant.parse((String) body.get("now"))).isAfterOrEqualTo(businessBefore.plus(Duration.ofDays(8)));
        assertThat(clock.instant()).isAfterOrEqualTo(businessBefore.plus(Duration.ofDays(8)));
        assertThat(output.getOut()).contains("business clock advanced by PT192H by admin-mover");
        assertThat(output.getOut().lines().filter(l -> l.contains("admin-mover")))
                .singleElement().satisfies(line -> assertThat(line).contains("WARN"));

        var read = client().get().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-reader"))).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(Duration.parse((String) read.get("offset"))).isGreaterThanOrEqualTo(before.plusDays(8));
    }

    @Test
    void theGaugeShowsTheOffset() {
        var offset = client().post().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-gauge")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"advanceBy\":\"PT1H\"}").exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody().get("offset");
        double seconds = Duration.parse((String) offset).toMillis() / 1000.0;

        String scrape = client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        String line = scrape.lines().filter(l -> l.startsWith("minzheng_clock_offset_seconds{")).findFirst().orElseThrow();
        // other tests of this class may have moved it further meanwhile
        assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isGreaterThanOrEqualTo(seconds);
    }

    @Test
    void aClerkIsRefusedWithTheKitsProblemAndTheRefusalIsReported() {
        Duration before = business().offset();
        String subject = "clerk-clock-" + UUID.randomUUID();
        String clerk = TestInfra.issuer().mint(subject, "李四", List.of("CLERK"), "110105");

        var problem = client().post().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(clerk)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"advanceBy\":\"P8D\"}").exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        client().get().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("forbidden");

        assertThat(problem).containsEntry("code", "forbidden").containsEntry("instance", CLOCK_PATH);
        assertThat(business().offset()).isEqualTo(before);
        var refusal = refusalOf("sub:" + subject);
        assertThat(TopicProbe.header(refusal, CloudEventHeaders.TYPE)).isEqualTo("minzheng.assistance.security.forbidden.v1");
        assertThat(TopicProbe.header(refusal, CloudEventHeaders.ACTOR_ROLE)).isEqualTo("CLERK");
    }

    @Test
    void withoutATokenIt401s() {
        Duration before = business().offset();
        client().get().uri(CLOCK_PATH).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        client().post().uri(CLOCK_PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"advanceBy\":\"P8D\"}")
                .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        assertThat(business().offset()).isEqualTo(before);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"advanceBy\":\"PT0S\"}", 422, "clock-advance-not-positive", "not-positive-duration"),
                Arguments.of("{\"advanceBy\":\"-P8D\"}", 422, "clock-advance-not-positive", "not-positive-duration"),
                Arguments.of("{\"advanceBy\":\"P36501D\"}", 422, "clock-advance-too-far", "duration-too-long"),
                Arguments.of("{\"advanceBy\":\"soon\"}", 400, "validation-failed", "invalid-duration"),
                Arguments.of("{\"advanceBy\":\"P1M\"}", 400, "validation-failed", "invalid-duration"),
                Arguments.of("{\"advanceBy\":null}", 400, "validation-failed", "invalid-duration"),
                Arguments.of("{}", 400, "validation-failed", "invalid-duration"),
                Arguments.of("", 400, "validation-failed", "invalid-duration"),
                Arguments.of("{\"advanceBy\":8}", 400, "malformed-request", "invalid-type"),
                Arguments.of("{\"advanceBy\":\"P8D\",\"reason\":\"x\"}", 400, "malformed-request", "unknown-field"),
                Arguments.of("{\"advanceBy\":\"P1D\",\"advanceBy\":\"P8D\"}", 400, "malformed-request", "duplicate-key"),
                Arguments.of("{\"advanceBy\":\"P8D\"} {}", 400, "malformed-request", "trailing-data"),
                Arguments.of("{\"advanceBy\":", 400, "malformed-request", "malformed-json"));
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @MethodSource("badBodies")
    void badBodiesAreProblemsThatSayWhatToSendAndChangeNothing(String body, int status, String code, String fieldCode) {
        Duration before = business().offset();

        var problem = client().post().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-typo")))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(problem).containsEntry("code", code).containsEntry("status", status);
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e).containsEntry("code", fieldCode));
        if (!code.equals("malformed-request")) {
            assertThat(errors.get(0)).containsEntry("pointer", "/advanceBy");
            assertThat(problem.get("detail") + " " + errors.get(0).get("message")).containsAnyOf("P8D", "36500");
        }
        assertThat(business().offset()).isEqualTo(before);
    }

    @Test
    void aNonJsonBodyIs415() {
        client().post().uri(CLOCK_PATH).headers(h -> h.setBearerAuth(admin("admin-text")))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("P8D").exchange()
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("unsupported-media-type");
    }

    private BusinessClock business() {
        return (BusinessClock) clock;
    }

    private static String admin(String subject) {
        return TestInfra.issuer().mint(subject, "管理员", List.of("ADMIN"), null);
    }

    private static ConsumerRecord<String, byte[]> refusalOf(String clientKey) {
        Optional<ConsumerRecord<String, byte[]>> found = Optional.empty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            found = TopicProbe.read("assistance.events", Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> clientKey.equals(r.key())).findFirst();
        }
        assertThat(found).as("refusal event of " + clientKey).isPresent();
        return found.get();
    }
}
