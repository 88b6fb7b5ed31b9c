package cn.minzheng.assistance.web;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 7, defence in depth, called directly (not through the gateway): the gateway's roles on
 * {@code /api/v1/assistance/**}, the platform audience, 回避 on every staff command, and refusals recorded
 * under the case's region.
 */
class DefenceInDepthApiTest extends ServiceTestBase {
    static final String APPLICATIONS = "/api/v1/assistance/applications";
    /** The gateway's route metadata for assistance (gateway's RouteRolesDriftTest keeps the service's list equal). */
    static final Set<String> GATEWAY_ROLES = Set.of("CITIZEN", "CLERK", "APPROVER", "ADMIN", "AUDITOR");
    static final List<String> ALL_ROLES = List.of("CITIZEN", "ORG_AGENT", "CLERK", "APPROVER", "REGISTRAR", "INSPECTOR",
            "LEGAL_REVIEWER", "AUDITOR", "ADMIN");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static volatile Map<String, Object> sharedCase;

    /** One submitted case in 421303001001, made once for the role table. */
    synchronized Map<String, Object> sharedCase() {
        if (sharedCase == null) {
            sharedCase = submitted(token("citizen-did-" + RUN, "CITIZEN", "421303001"), Requests.dibao(621, "800.00"));
        }
        return sharedCase;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> staffView(String number) {
        return http.get().uri(APPLICATIONS + "/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("clerk-did-" + RUN, "CLERK", "421303")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    static Stream<Arguments> rolesByRoute() {
        List<Arguments> table = new ArrayList<>();
        for (String role : ALL_ROLES) {
            table.add(Arguments.of(role, "GET", "/applications"));
            table.add(Arguments.of(role, "GET", "/applications/{no}"));
            table.add(Arguments.of(role, "GET", "/applications/mine"));
            table.add(Arguments.of(role, "POST", "/applications/{no}/acceptance"));
            table.add(Arguments.of(role, "POST", "/standards"));
            table.add(Arguments.of(role, "GET", "/providers"));
        }
        return table.stream();
    }

    /** (1) A role the gateway refuses on /api/v1/assistance/** is refused here, whatever the route; nothing changes. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rolesByRoute")
    void aRoleTheGatewayRefusesIsRefusedByTheServiceOnEveryRoute(String role, String method, String route) {
        String number = (String) sharedCase().get("number");
        Object before = staffView(number).get("version");
        boolean admitted = GATEWAY_ROLES.contains(role);
        String path = "/api/v1/assistance" + route.replace("{no}", number);
        String token = token(role.toLowerCase() + "-did-" + RUN, role, "421303");
        // an admitted role's command gets a stale version, so the shared case stays as it is for the next rows
        var request = http.method(HttpMethod.valueOf(method)).uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .header(HttpHeaders.IF_MATCH, "\"" + (admitted ? 0 : before) + "\"");
        var spec = method.equals("POST") ? request.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                : request.exchange();
        var result = spec.expectBody(String.class).returnResult();
        String body = String.valueOf(result.getResponseBody());
        if (admitted) {
            assertThat(body).as("%s may pass the route gate on %s %s", role, method, path).doesNotContain("role-not-admitted");
            return;
        }
        assertThat(result.getStatus().value()).as("%s %s %s", role, method, path).isEqualTo(403);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body).contains("\"code\":\"role-not-admitted\"").contains("CITIZEN, CLERK, APPROVER, ADMIN, AUDITOR")
                .contains("请使用具有其中一个角色的账号");
        Map<String, Object> now = staffView(number);
        assertThat(now.get("status")).isEqualTo("SUBMITTED");
        assertThat(now.get("version")).isEqualTo(before);
    }

    /** (1) The probe of the issue: an INSPECTOR of the region reading a 低保 file directly. */
    @Test
    void anInspectorOfTheRegionCannotReadADibaoFile() {
        String number = (String) sharedCase().get("number");
        http.get().uri(APPLICATIONS + "/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("inspector-probe-" + RUN, "INSPECTOR", "421303001"))
                .exchange().expectStatus().isForbidden().expectBody(String.class)
                .value(b -> assertThat(b).contains("role-not-admitted").doesNotContain(number + "\",\"status"));
    }

    /** (2) A token of the right issuer but not for the platform is 401 here as at the gateway. */
    @ParameterizedTest(name = "aud {0} -> {1}")
    @CsvSource({"'', 401", "account, 401", "minzheng-platform-test, 401", "minzheng-platform, 200",
            "account minzheng-platform, 200"})
    void theTokenMustNameThePlatformAudience(String audience, int status) {
        String number = (String) sharedCase().get("number");
        List<String> aud = audience.isEmpty() ? List.of() : Arrays.asList(audience.split(" "));
        String token = EmbeddedInfra.shared().tokenIssuer().mintForAudience("clerk-aud-" + RUN, "李四", List.of("CLERK"),
                "421303", aud);
        var result = http.get().uri(APPLICATIONS + "/" + number).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
        if (status == 401) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseBody()).contains("\"code\":\"invalid-token\"").contains("不是签发给本平台的");
        }
    }

    static Stream<Arguments> staffCommands() {
        return Stream.of(
                Arguments.of("supplement-request", Map.of("missingItems", List.of("户口簿"))),
                Arguments.of("acceptance", Map.of()),
                Arguments.of("non-acceptance", Map.of("reason", "材料不全")),
                Arguments.of("home-visits", Map.of("staffIds", List.of("a", "b"), "findings", "ok")),
                Arguments.of("economic-checks", Map.of("summary", "ok", "incomeConfirmed", true)),
                Arguments.of("economic-checks/platform-request", Map.of()),
                Arguments.of("opinion", Map.of("recommendApproval", true, "reason", "ok")),
                Arguments.of("publicity", Map.of()),
                Arguments.of("publicity/objections", Map.of("reason", "异议")),
                Arguments.of("publicity/completion", Map.of()),
                Arguments.of("decision", Map.of("approve", true)),
                Arguments.of("decision", Map.of("approve", false, "reason", "不符合条件")),
                Arguments.of("emergency-payment", Map.of("amount", "100.00", "reason", "急难")),
                Arguments.of("record-completion", Map.of("reason", "补录")),
                Arguments.of("recheck", Map.of("reason", "复核")),
                Arguments.of("recheck/confirmation", Map.of()),
                Arguments.of("amount-change", Map.of("reason", "调整")),
                Arguments.of("suspension", Map.of("reason", "暂停")),
                Arguments.of("resumption", Map.of("reason", "恢复")),
                Arguments.of("phase-out", Map.of("months", 3, "reason", "渐退")),
                Arguments.of("termination", Map.of("reason", "终止")),
                Arguments.of("provider", Map.of("providerId", "org-1")));
    }

    private static volatile Map<String, Object> ownCase;

    /** The case a person holding CITIZEN, CLERK and APPROVER submitted for their own household. */
    synchronized Map<String, Object> ownCase() {
        if (ownCase == null) {
            ownCase = submitted(staffApplicant(), Requests.dibao(622, "800.00"));
        }
        return ownCase;
    }

    static String staffApplicant() {
        return EmbeddedInfra.shared().mint("staff-applicant-" + RUN, "王五", List.of("CITIZEN", "CLERK", "APPROVER"), "421303");
    }

    /** (3) and (4): every staff command on one's own case is refused, nothing changes, the refusal is recorded under the case's region. */
    @ParameterizedTest(name = "POST …/{0}")
    @MethodSource("staffCommands")
    void nobodyActsAsStaffOnTheirOwnCase(String command, Map<String, Object> body) {
        Map<String, Object> c = ownCase();
        String number = (String) c.get("number");
        String path = APPLICATIONS + "/" + number + "/" + command;
        http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + staffApplicant())
                .header(HttpHeaders.IF_MATCH, "\"" + c.get("version") + "\"").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("own-household-case")
                .jsonPath("$.title").value(t -> assertThat((String) t).contains("回避"))
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(number).contains("其他工作人员"));

        Map<String, Object> after = staffView(number);
        assertThat(after.get("status")).isEqualTo("SUBMITTED");
        assertThat(after.get("version")).isEqualTo(c.get("version"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> refusals = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.security.forbidden.v1"))
                    .filter(e -> e.data().get("path").asString().equals(path)).toList();
            assertThat(refusals).isNotEmpty().allSatisfy(e -> {
                assertThat(e.actorId()).isEqualTo("staff-applicant-" + RUN);
                assertThat(e.data().get("reason").asString()).isEqualTo("own-household-case");
                // under the case's region (the caller's 421303 contains it: once)
                assertThat(e.regionCode()).isEqualTo("421303001001");
                assertThat(e.data().get("targetRegion").asString()).isEqualTo("421303001001");
            });
        });
    }

    /** (4) A clerk of another county asking for this county's cases: recorded under the probed region and their own. */
    @Test
    void aProbeOfAnotherRegionIsRecordedWhereThatRegionsAuditorsLook() {
        String subject = "clerk-421302-" + RUN;
        http.get().uri(APPLICATIONS + "?region=421303001&limit=10")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(subject, "CLERK", "421302"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("region-out-of-scope");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> refusals = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.security.forbidden.v1"))
                    .filter(e -> subject.equals(e.actorId())).toList();
            assertThat(refusals).extracting(EventEnvelope::regionCode).containsExactlyInAnyOrder("421303001", "421302");
            assertThat(refusals).allSatisfy(e -> assertThat(e.data().get("callerRegion").asString()).isEqualTo("421302"));
        });
    }
}
