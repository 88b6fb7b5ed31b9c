package cn.minzheng.org.web;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 7, defence in depth, called directly (not through the gateway): the gateway's roles on
 * {@code /api/v1/orgs/**}, the platform audience, 回避 on every staff command about a matter one filed or an
 * organization one acts for, and refusals recorded under the matter's region.
 */
class DefenceInDepthApiTest extends OrgServiceTestBase {
    /** The gateway's route metadata for orgs (gateway's RouteRolesDriftTest keeps the service's list equal). */
    static final Set<String> GATEWAY_ROLES = Set.of("ORG_AGENT", "REGISTRAR", "INSPECTOR", "LEGAL_REVIEWER", "ADMIN", "AUDITOR");
    static final List<String> ALL_ROLES = List.of("CITIZEN", "ORG_AGENT", "CLERK", "APPROVER", "REGISTRAR", "INSPECTOR",
            "LEGAL_REVIEWER", "AUDITOR", "ADMIN");
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** A person who is the agent of an organization and also holds every staff role of org-service. */
    static final String DUAL = "dual-" + RUN;
    private static final AtomicLong SERIAL = new AtomicLong(800_000 + Math.abs(RUN.hashCode() % 90_000));

    @Autowired
    RegistrationStore registrations;
    @Autowired
    cn.minzheng.org.creditlist.CreditListStore creditEntries;

    static String dual() {
        return EmbeddedInfra.shared().mint(DUAL, "赵六", List.of("ORG_AGENT", "REGISTRAR", "INSPECTOR", "LEGAL_REVIEWER"), COUNTY);
    }

    /** An organization of {@code COUNTY} whose agent is {@code agentSubject}. */
    String organization(String agentSubject) {
        long serial = SERIAL.incrementAndGet();
        String id = "ORG-DID-" + RUN + "-" + serial;
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("随州市曾都区", "", "防" + serial, "协会"),
                "曾都1号", "宗旨", "范围", "曾都区", new Person("周三", "421303198001" + String.format("%06d", serial % 1_000_000)),
                3_000_000L, true, null, null, "曾都区科协", new Members(60, 0), List.of(), Set.of());
        String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, COUNTY, serial).value();
        registrations.insert(Organization.register(id, code, COUNTY, p, LocalDate.of(2019, 5, 1)).next(), agentSubject, List.of(),
                List.of()).block();
        return id;
    }

    private static volatile String sharedOrganization;

    synchronized String sharedOrganization() {
        if (sharedOrganization == null) {
            sharedOrganization = organization("agent-did-" + RUN);
        }
        return sharedOrganization;
    }

    /** A valid 身份证 number, 421303 born 1980-01-01 with sequence {@code serial % 1000}. */
    static String idNumber(long serial) {
        String body = "42130319800101" + String.format("%03d", serial % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    JsonNode get(String path, String token) {
        return client().get().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static Stream<Arguments> rolesByRoute() {
        List<Arguments> table = new ArrayList<>();
        for (String role : ALL_ROLES) {
            table.add(Arguments.of(role, "GET", "/organizations/{org}"));
            table.add(Arguments.of(role, "GET", "/enforcement-cases"));
            table.add(Arguments.of(role, "GET", "/applications"));
            table.add(Arguments.of(role, "POST", "/organizations/{org}/revocation"));
            table.add(Arguments.of(role, "POST", "/enforcement-cases"));
            table.add(Arguments.of(role, "GET", "/deadlines/on-time-rate?authority=" + COUNTY));
        }
        return table.stream();
    }

    /** (1) A role the gateway refuses on /api/v1/orgs/** is refused here, whatever the route; nothing changes. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("rolesByRoute")
    void aRoleTheGatewayRefusesIsRefusedByTheServiceOnEveryRoute(String role, String method, String route) {
        String org = sharedOrganization();
        String registrar = token("registrar-did-" + RUN, "REGISTRAR", COUNTY);
        long before = get("/organizations/" + org, registrar).get("version").asLong();
        boolean admitted = GATEWAY_ROLES.contains(role);
        String path = "/api/v1/orgs" + route.replace("{org}", org);
        var request = client().method(HttpMethod.valueOf(method)).uri(path)
                .header("Authorization", "Bearer " + token(role.toLowerCase() + "-did-" + RUN, role, COUNTY))
                .header("Accept-Language", "zh-CN")
                // an admitted role's command gets a stale version, so the shared organization stays as it is
                .header("If-Match", "\"" + (admitted ? 0 : before) + "\"");
        var result = (method.equals("POST") ? request.contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", "ORG-none", "decisionReference", "曾民罚〔2026〕9号", "reason", "探测"))
                .exchange() : request.exchange()).expectBody(String.class).returnResult();
        String body = String.valueOf(result.getResponseBody());
        if (admitted) {
            assertThat(body).as("%s may pass the route gate on %s %s", role, method, path).doesNotContain("role-not-admitted");
            return;
        }
        assertThat(result.getStatus().value()).as("%s %s %s", role, method, path).isEqualTo(403);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body).contains("\"code\":\"role-not-admitted\"")
                .contains("ORG_AGENT, REGISTRAR, INSPECTOR, LEGAL_REVIEWER, ADMIN, AUDITOR").contains("请使用具有其中一个角色的账号");
        JsonNode now = get("/organizations/" + org, registrar);
        assertThat(now.get("version").asLong()).isEqualTo(before);
        assertThat(now.get("status").asString()).isNotEqualTo("REVOKED");
    }

    /** (2) A token of the right issuer but not for the platform is 401 here as at the gateway. */
    @ParameterizedTest(name = "aud {0} -> {1}")
    @CsvSource({"'', 401", "account, 401", "minzheng, 401", "minzheng-platform, 200", "account minzheng-platform, 200"})
    void theTokenMustNameThePlatformAudience(String audience, int status) {
        List<String> aud = audience.isEmpty() ? List.of() : Arrays.asList(audience.split(" "));
        String token = EmbeddedInfra.shared().tokenIssuer().mintForAudience("registrar-aud-" + RUN, "李四", List.of("REGISTRAR"),
                COUNTY, aud);
        var result = client().get().uri("/api/v1/orgs/organizations/" + sharedOrganization()).header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
        if (status == 401) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponseBody()).contains("\"code\":\"invalid-token\"").contains("不是签发给本平台的");
        }
    }

    void refusedAsOwn(String path, Long version, Object body, String matter) {
        var spec = client().post().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + dual())
                .header("Accept-Language", "zh-CN").header("Idempotency-Key", UUID.randomUUID().toString());
        if (version != null) {
            spec = spec.header("If-Match", "\"" + version + "\"");
        }
        (body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange())
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("code").asString()).as(path).isEqualTo("own-organization-case");
                    assertThat(b.get("title").asString()).contains("回避");
                    assertThat(b.get("detail").asString()).contains(matter).contains("其他工作人员");
                });
        // (4) recorded, under the matter's region (the caller's 421303 contains it: once)
        EventEnvelope refusal = awaitEvent(e -> e.type().equals("minzheng.org.security.forbidden.v1") && DUAL.equals(e.actorId())
                && e.data().get("path").asString().equals("/api/v1/orgs" + path));
        assertThat(refusal.data().get("reason").asString()).isEqualTo("own-organization-case");
        assertThat(refusal.regionCode()).isEqualTo(COUNTY);
        assertThat(refusal.data().get("targetRegion").asString()).isEqualTo(COUNTY);
    }

    /** (3) A registrar who filed a founding application does not supplement, accept, refuse or approve it. */
    @Test
    void aRegistrarDoesNotHandleTheirOwnApplication() {
        // a business field no other test or run uses (hex digits of the run id as Chinese numerals and stems)
        StringBuilder field = new StringBuilder("科普");
        for (char ch : RUN.substring(0, 6).toCharArray()) {
            field.append("零一二三四五六七八九甲乙丙丁戊己".charAt(Character.digit(ch, 16)));
        }
        JsonNode applied = client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + dual())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.ofEntries(Map.entry("authorityCode", COUNTY), Map.entry("type", "SOCIAL_GROUP"),
                        Map.entry("name", Map.of("region", "随州市曾都区", "field", field.toString(), "form", "协会")),
                        Map.entry("residence", "随州市曾都区烈山大道1号"), Map.entry("purpose", "服务会员"),
                        Map.entry("businessScope", "行业交流"), Map.entry("activityArea", "曾都区"),
                        // a person of this run only: one person represents one social group
                        Map.entry("legalRepresentative", Map.of("name", "王小明", "idNumber", idNumber(SERIAL.incrementAndGet()))),
                        Map.entry("funds", "30000.00"), Map.entry("fundsInCash", true), Map.entry("sponsorUnit", "曾都区科协"),
                        Map.entry("members", Map.of("individuals", 60, "units", 0)),
                        Map.entry("documents", List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION", "PREMISES_PROOF",
                                "OFFICER_IDS", "DRAFT_CHARTER"))))
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(applied.has("id")).as("the application is taken: %s", applied).isTrue();
        String id = applied.get("id").asString();
        long version = applied.get("version").asLong();
        String base = "/applications/" + id;

        refusedAsOwn(base + "/supplement-request", version, Map.of("items", List.of("会员名册")), id);
        refusedAsOwn(base + "/acceptance", version, null, id);
        refusedAsOwn(base + "/refusal", version, Map.of("reasons", List.of("不符合条件")), id);
        refusedAsOwn(base + "/approval", version, null, id);

        JsonNode after = get(base, token("registrar-other-" + RUN, "REGISTRAR", COUNTY));
        assertThat(after.get("status").asString()).isEqualTo("APPLIED");
        assertThat(after.get("version").asLong()).isEqualTo(version);
        // another registrar may
        client().post().uri("/api/v1/orgs" + base + "/acceptance")
                .header("Authorization", "Bearer " + token("registrar-other-" + RUN, "REGISTRAR", COUNTY))
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isOk();
    }

    /** (3) Nor revokes, grades or enforces against an organization they act for; another staff member may. */
    @Test
    void staffDoNotActOnAnOrganizationTheyActFor() {
        String org = organization(DUAL);
        String registrar = token("registrar-other-" + RUN, "REGISTRAR", COUNTY);
        long orgVersion = get("/organizations/" + org, registrar).get("version").asLong();
        refusedAsOwn("/organizations/" + org + "/revocation", orgVersion,
                Map.of("decisionReference", "曾民罚〔2026〕1号", "reason", "撤销"), org);
        refusedAsOwn("/enforcement-cases", null, Map.of("organizationId", org, "violation", "BEYOND_SCOPE", "facts", "超范围"), org);

        // annual report, filed by the dual person as the organization's agent
        int year = LocalDate.now().getYear() - 1;
        JsonNode report = client().post().uri("/api/v1/orgs/organizations/" + org + "/annual-reports").header("Authorization", "Bearer " + dual())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("year", year, "boardElectedOnTime", true, "governance", "按期换届",
                        "activities", "开展活动", "finances", Map.of("income", "100.00", "expenditure", "50.00", "netAssets", "50.00")))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String reportId = report.get("id").asString();
        refusedAsOwn("/annual-reports/" + reportId + "/grading", report.get("version").asLong(), Map.of("grade", "QUALIFIED"), reportId);

        // a credit-list entry of it: the removal is not verified by the organization's own agent
        Organization listed = registrations.organization(org).block().organization();
        String entryId = "CL-DID-" + RUN;
        LocalDate listedOn = LocalDate.now().minusDays(30);
        creditEntries.insert(cn.minzheng.org.creditlist.CreditListEntry.list(entryId, org, COUNTY,
                        cn.minzheng.org.creditlist.EntryGround.UNREACHABLE, "事实", listedOn, listedOn).next(),
                listed.name().fullName(), listed.creditCode(), List.of()).block();
        refusedAsOwn("/credit-list-entries/" + entryId + "/removal", 1L, null, entryId);

        // an enforcement case against it, opened by another inspector
        JsonNode opened = client().post().uri("/api/v1/orgs/enforcement-cases")
                .header("Authorization", "Bearer " + token("inspector-other-" + RUN, "INSPECTOR", COUNTY))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", org, "violation", "BEYOND_SCOPE", "facts", "超出章程规定的业务范围"))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String caseId = opened.get("id").asString();
        long v = opened.get("version").asLong();
        String c = "/enforcement-cases/" + caseId;
        List<Map.Entry<String, Object>> commands = List.of(
                Map.entry("/evidence", Map.of("kind", "现场检查笔录", "description", "凭证")),
                Map.entry("/proposal", Map.of("severity", "GENERAL", "penalties", List.of(Map.of("kind", "WARNING")), "reasons", "一般")),
                Map.entry("/notice", Map.of()),
                Map.entry("/hearing-schedule", Map.of("hearingDate", LocalDate.now().plusDays(10).toString(), "place", "会议室",
                        "noticeDeliveredOn", LocalDate.now().toString())),
                Map.entry("/hearing", Map.of("record", "听证笔录")),
                Map.entry("/legal-review", Map.of("approved", true, "opinion", "同意")),
                Map.entry("/decision", Map.of("reference", "曾民罚〔2026〕2号", "penalties", List.of(Map.of("kind", "WARNING")),
                        "reasons", "警告")),
                Map.entry("/delivery", Map.of()),
                Map.entry("/execution", Map.of("note", "执行")),
                Map.entry("/closing", Map.of("reason", "结案")));
        for (var command : commands) {
            refusedAsOwn(c + command.getKey(), v, command.getValue(), caseId);
        }
        JsonNode after = get(c, registrar);
        assertThat(after.get("version").asLong()).isEqualTo(v);
        assertThat(after.get("status").asString()).isEqualTo(opened.get("status").asString());
        assertThat(get("/organizations/" + org, registrar).get("status").asString()).isNotEqualTo("REVOKED");

        // the party's own acts stay theirs: a statement as the organization's agent is not a staff act
        client().post().uri("/api/v1/orgs" + c + "/statements").header("Authorization", "Bearer " + dual())
                .header("If-Match", "\"" + v + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "陈述", "defence", true)).exchange()
                .expectBody(String.class).value(b -> assertThat(b).doesNotContain("own-organization-case"));
        // another inspector may act
        client().post().uri("/api/v1/orgs" + c + "/evidence").header("Authorization", "Bearer " + token("inspector-other-" + RUN, "INSPECTOR", COUNTY))
                .header("If-Match", "\"" + get(c, registrar).get("version").asLong() + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", "现场检查笔录", "description", "凭证")).exchange().expectStatus().isOk();
    }

    /**
     * (4) A registrar of another county reaching into this county: reading its organization answers 404 exactly as a
     * missing one (issue 16 item 1: region scope is no existence oracle); acting in it (opening a 取缔 case there) is a
     * 403 recorded here and at home.
     */
    @Test
    void aProbeOfAnotherRegionIsRecordedWhereThatRegionsAuditorsLook() {
        String subject = "registrar-420100-" + RUN;
        String far = token(subject, "REGISTRAR", "420100");
        JsonNode elsewhere = client().get().uri("/api/v1/orgs/organizations/" + sharedOrganization()).header("Authorization", "Bearer " + far)
                .exchange().expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode missing = client().get().uri("/api/v1/orgs/organizations/ORG-NO-SUCH-" + RUN).header("Authorization", "Bearer " + far)
                .exchange().expectStatus().isNotFound().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(elsewhere.get("code").asString()).isEqualTo(missing.get("code").asString()).isEqualTo("not-found");
        assertThat(elsewhere.get("title").asString()).isEqualTo(missing.get("title").asString());
        client().post().uri("/api/v1/orgs/ban-cases").header("Authorization", "Bearer " + far).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authorityCode", COUNTY, "name", "某某联谊会", "ground", "UNREGISTERED_ACTIVITY", "facts", "以联谊会名义活动"))
                .exchange().expectStatus().isForbidden();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(EVENTS.stream()
                .filter(e -> e.type().equals("minzheng.org.security.forbidden.v1") && subject.equals(e.actorId()))
                .map(EventEnvelope::regionCode).distinct()).containsExactlyInAnyOrder(COUNTY, "420100"));
    }
}
