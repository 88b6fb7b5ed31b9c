package cn.minzheng.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One timeline per organization (issue 16 item 4): its registration application ({@code APP-…}),
 * the organization's own events ({@code ORG-…}), its annual report ({@code ORG-…-2025}), an
 * enforcement case and a spot-check result, by organization id or credit code, in time order, with
 * China time and Chinese type names, confirmed against the chain; not the campaign or another
 * organization's events; region scope and roles as for every timeline.
 */
class OrganizationTimelineApiTest extends AuditServiceTestBase {

    static final String TOPIC = "orgtl-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    static final String ORG = "ORG-" + UUID.randomUUID();
    static final String OTHER = "ORG-" + UUID.randomUUID();
    static final String APP = "APP-" + UUID.randomUUID();
    /** A credit code unique to this run (check character not verified here: the trail records what it is given). */
    static final String CODE = "514213" + String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
    static final Instant T0 = Instant.parse("2025-04-01T02:00:00Z");
    private static boolean seeded;

    static EventEnvelope org(String type, String subject, int minute, EventData data) {
        return EventEnvelope.builder(type).subject(subject).actor("registrar-421303", "REGISTRAR").regionCode("421303")
                .time(T0.plusSeconds(60L * minute)).aggregateVersion(1).data(data).build();
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        createTopic(TOPIC, 1);
        send(TOPIC, org(EventTypes.ORGANIZATION_REGISTRATION_APPLIED, APP, 0,
                EventData.of(ORG, "organization").transition(null, "APPLIED").put("applicationId", APP).put("orgType", "SOCIAL_GROUP")));
        send(TOPIC, org(EventTypes.ORGANIZATION_REGISTRATION_APPROVED, ORG, 10,
                EventData.of(ORG, "organization").transition(null, "REGISTERED").put("organizationId", ORG)
                        .put("creditCode", CODE).put("name", "测试协会")));
        send(TOPIC, org(EventTypes.ANNUAL_REPORT_FILED, ORG + "-2025", 20,
                EventData.of(ORG + "-2025", "annual-report").put("organizationId", ORG).put("year", 2025)));
        send(TOPIC, org(EventTypes.ENFORCEMENT_CASE_OPENED, "EC-" + ORG, 30,
                EventData.of("EC-" + ORG, "enforcement-case").transition(null, "OPEN").put("organizationId", ORG)));
        send(TOPIC, org(EventTypes.SPOT_CHECK_RESULT_RECORDED, "SC-421303-2025-X", 40,
                EventData.of("SC-421303-2025-X", "spot-check").changes(Map.of("organizationId", ORG, "inspectorId", "i-1"))));
        // not this organization's: a campaign of the authority, another organization
        send(TOPIC, org(EventTypes.INSPECTION_CAMPAIGN_OPENED, "421303-2025", 50,
                EventData.of("421303-2025", "inspection-campaign").put("year", 2025)));
        send(TOPIC, org(EventTypes.ANNUAL_REPORT_FILED, OTHER + "-2025", 60,
                EventData.of(OTHER + "-2025", "annual-report").put("organizationId", OTHER).put("year", 2025)));
        await().atMost(Duration.ofSeconds(60)).until(() -> client().get().uri("/api/v1/audit/timeline/organizations/{k}", CODE)
                .headers(h -> h.setBearerAuth(admin())).exchange().returnResult(String.class).getStatus().value() == 200
                && count(ORG) == 5);
        seeded = true;
    }

    private int count(String key) {
        Integer n = client().get().uri("/api/v1/audit/timeline/organizations/{k}", key).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectBody(Map.class).returnResult().getResponseBody() instanceof Map<?, ?> m
                && m.get("count") instanceof Integer c ? c : -1;
        return n;
    }

    private WebTestClient.BodyContentSpec read(String key, String token) {
        return client().get().uri("/api/v1/audit/timeline/organizations/{k}", key).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void oneTimelineAcrossTheOrganizationsSubjectsInTimeOrder() {
        read(ORG, auditor("421303"))
                .jsonPath("$.key").isEqualTo(ORG)
                .jsonPath("$.organizationIds[0]").isEqualTo(ORG)
                .jsonPath("$.count").isEqualTo(5)
                .jsonPath("$.subjects.length()").isEqualTo(5)
                .jsonPath("$.entries[0].subject").isEqualTo(APP)
                .jsonPath("$.entries[0].type").isEqualTo(EventTypes.ORGANIZATION_REGISTRATION_APPLIED)
                .jsonPath("$.entries[0].typeName").isEqualTo(EventTypes.displayName(EventTypes.ORGANIZATION_REGISTRATION_APPLIED))
                .jsonPath("$.entries[0].timeChina").isEqualTo("2025-04-01T10:00:00+08:00")
                .jsonPath("$.entries[1].subject").isEqualTo(ORG)
                .jsonPath("$.entries[2].subject").isEqualTo(ORG + "-2025")
                .jsonPath("$.entries[3].subject").isEqualTo("EC-" + ORG)
                .jsonPath("$.entries[4].subject").isEqualTo("SC-421303-2025-X")
                .jsonPath("$.entries[4].integrity").isEqualTo("verified")
                .jsonPath("$.entries[4].indexed").isEqualTo(true)
                .jsonPath("$.integrity.verified").isEqualTo(true)
                .jsonPath("$.integrity.entriesVerified").isEqualTo(5)
                .jsonPath("$.readRecordedAs").isNotEmpty();
        assertThat(EventTypes.displayName(EventTypes.ORGANIZATION_REGISTRATION_APPLIED)).matches(".*\\p{IsHan}.*");
    }

    @Test
    void theCreditCodeLeadsToTheSameTimeline() {
        read(CODE, admin()).jsonPath("$.key").isEqualTo(CODE).jsonPath("$.organizationIds[0]").isEqualTo(ORG)
                .jsonPath("$.count").isEqualTo(5).jsonPath("$.entries[2].subject").isEqualTo(ORG + "-2025");
    }

    @Test
    void theReadIsRecordedUnderTheOrganization() {
        String id = client().get().uri("/api/v1/audit/timeline/organizations/{k}", ORG).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("readRecordedAs")
                .toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> client().get()
                .uri("/api/v1/audit/timeline/organizations/{k}?includeReads=true", ORG).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectBody(String.class).returnResult().getResponseBody().contains(id));
        // the read records are entries of the organization's own subject, not index findings
        client().get().uri("/api/v1/audit/timeline/organizations/{k}?includeReads=true", ORG)
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.integrity.verified").isEqualTo(true)
                .jsonPath("$.integrity.notInIndex.length()").isEqualTo(0);
    }

    @ParameterizedTest(name = "{0} reads {1} -> {2}")
    @CsvSource({
        "auditor-421303, org,     200",
        "auditor-4213,   org,     200",
        "auditor-110105, org,     404",
        "clerk-421303,   org,     403",
        "none,           org,     401",
        "admin,          unknown, 404",
        "admin,          code0,   404",
        "admin,          bad,     400"
    })
    void accessFollowsRoleAndRegion(String who, String what, int status) {
        String key = switch (what) {
            case "org" -> ORG;
            case "unknown" -> "ORG-" + UUID.randomUUID();
            case "code0" -> "514213000000000000";
            default -> "bad key!";
        };
        String token = switch (who) {
            case "auditor-421303" -> auditor("421303");
            case "auditor-4213" -> auditor("4213");
            case "auditor-110105" -> auditor("110105");
            case "clerk-421303" -> token("clerk-1", List.of("CLERK"), "421303");
            case "none" -> null;
            default -> admin();
        };
        var spec = client().get().uri("/api/v1/audit/timeline/organizations/{k}", key)
                .headers(h -> { if (token != null) { h.setBearerAuth(token); } }).exchange();
        spec.expectStatus().isEqualTo(status);
        if (status == 400) {
            spec.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/key");
        }
    }
}
