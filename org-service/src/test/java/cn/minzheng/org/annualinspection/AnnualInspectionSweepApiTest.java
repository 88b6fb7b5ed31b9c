package cn.minzheng.org.annualinspection;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditlist.ListingNoticeStore;
import cn.minzheng.org.creditlist.Notices;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The after-deadline sweep on a small registry of one authority, run twice. */
class AnnualInspectionSweepApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421321";

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ListingNoticeStore notices;

    private static long serial = 900_000;
    private final String registrar = token("registrar-sweep", "REGISTRAR", AUTHORITY);
    private final String agent = "agent-sweep";
    private final String agentToken = token(agent, "ORG_AGENT", AUTHORITY);

    private Organization registered(String id, String field, LocalDate on) {
        return new SocialGroups(registrations, AUTHORITY, "随县", "协会", "刘一", agent).register(id, field, on, serial++);
    }

    @Test
    void nonFilersAreListedTwoBadYearsAreProposedAndARerunChangesNothing() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.isAfter(LocalDate.of(today.getYear(), 5, 31)) ? today.getYear() - 1 : today.getYear() - 2;
        LocalDate old = LocalDate.of(year - 3, 3, 1);
        registered("ORG-SW-QUAL1", "甲", old);
        registered("ORG-SW-MISS2", "乙", old);         // not filed, not filed last year either
        registered("ORG-SW-NEW03", "丙", LocalDate.of(year, 8, 1));   // exempt: < 6 months before 31 Dec
        registered("ORG-SW-MISS4", "丁", old);         // not filed, first time
        registered("ORG-SW-UNQL5", "戊", old);         // 不合格 twice
        registered("ORG-SW-LATE6", "己", LocalDate.of(year + 1, 1, 5)); // registered after the year: not in scope
        mongo.insert(new Document("_id", "ORG-SW-MISS2-" + (year - 1)).append("organizationId", "ORG-SW-MISS2")
                .append("year", year - 1).append("outcome", "NOT_FILED"), InspectionStore.OUTCOMES).block();
        mongo.insert(new Document("_id", "ORG-SW-UNQL5-" + (year - 1)).append("organizationId", "ORG-SW-UNQL5")
                .append("year", year - 1).append("outcome", "UNQUALIFIED"), InspectionStore.OUTCOMES).block();

        fileAndGrade("ORG-SW-QUAL1", year, "QUALIFIED");
        fileAndGrade("ORG-SW-UNQL5", year, "UNQUALIFIED");
        assertThat(registrations.organization("ORG-SW-UNQL5").block().organization().restrictedUntilRectified()).isTrue();
        assertThat(registrations.organization("ORG-SW-QUAL1").block().organization().restrictedUntilRectified()).isFalse();
        EventEnvelope restricted = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_CHANGE_RESTRICTED) && e.subject().equals("ORG-SW-UNQL5"));
        assertThat(restricted.data().get("reason").asString()).isEqualTo(year + "年度年检不合格");
        assertThat(restricted.data().get("restrictedUntilRectified").asBoolean()).isTrue();
        client().post().uri("/api/v1/orgs/organizations/ORG-SW-UNQL5/change-applications").header("Authorization", "Bearer " + agentToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("businessScope", "新范围", "documents", List.of("APPLICATION")))
                .exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("code")).contains("change-restricted-unqualified"));

        JsonNode campaign = client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", year)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = campaign.get("id").asString();
        // #18 item 3: 基金会 report by 31 March, the others by 31 May; the sweep may start after the earliest
        assertThat(campaign.get("deadline").asString()).isEqualTo((year + 1) + "-03-31");
        assertThat(campaign.get("deadlines").get("FOUNDATION").asString()).isEqualTo((year + 1) + "-03-31");
        assertThat(campaign.get("deadlines").get("SOCIAL_GROUP").asString()).isEqualTo((year + 1) + "-05-31");
        assertThat(campaign.get("deadlines").get("PRIVATE_NON_ENTERPRISE").asString()).isEqualTo((year + 1) + "-05-31");

        JsonNode first = sweepAndWait(id, 1);
        assertThat(first.get("progress").get("examined").asLong()).isEqualTo(5);
        assertThat(first.get("progress").get("exempt").asLong()).isEqualTo(1);
        assertThat(first.get("progress").get("listingNoticesIssued").asLong()).isEqualTo(2);
        assertThat(first.get("progress").get("revocationsProposed").asLong()).isEqualTo(2);

        // #18 item 4: the sweep serves a 拟列入告知, it does not list on the day of the notice
        for (String org : List.of("ORG-SW-MISS2", "ORG-SW-MISS4")) {
            EventEnvelope issued = Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.issued.v1")
                    && org.equals(e.data().get("organizationId").asString()));
            assertThat(issued.subject()).isEqualTo("LN-ABN-LATE-" + org + "-" + year);
            assertThat(issued.data().get("ground").asString()).isEqualTo("LATE_ANNUAL_REPORT");
            assertThat(issued.data().get("respondBy").asString()).isNotBlank();
            JsonNode notices = client().get().uri("/api/v1/orgs/organizations/" + org + "/listing-notices")
                    .header("Authorization", "Bearer " + agentToken).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(notices.findValuesAsString("status")).containsExactly("NOTIFIED");
            assertThat(LocalDate.parse(notices.get(0).get("respondBy").asString())).isAfter(today);
            assertThat(registrations.organization(org).block().organization().abnormalListed()).as(org).isFalse();
        }
        for (String org : List.of("ORG-SW-MISS2", "ORG-SW-UNQL5")) {
            awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_REVOCATION_PROPOSED) && org.equals(e.data().get("aggregateId").asString()));
        }
        awaitEvent(e -> e.type().equals(EventTypes.INSPECTION_CAMPAIGN_SWEPT) && id.equals(e.data().get("aggregateId").asString()));
        // never an automatic revocation
        assertThat(registrations.organization("ORG-SW-MISS2").block().organization().status().name()).isEqualTo("REGISTERED");
        assertThat(count("credit_list_entries")).as("nothing listed on the day of the notice").isZero();

        JsonNode second = sweepAndWait(id, first.get("version").asLong());
        assertThat(second.get("progress")).isEqualTo(first.get("progress"));
        assertThat(count(ListingNoticeStore.NOTICES)).isEqualTo(2);
        assertThat(count(InspectionStore.REVOCATION_PROPOSALS)).isEqualTo(2);

        // the period runs out without a statement: the daily credit-list sweep lists both, once
        Notices.periodEnded(notices, today, List.of("LN-ABN-LATE-ORG-SW-MISS2-" + year, "LN-ABN-LATE-ORG-SW-MISS4-" + year));
        for (int run = 0; run < 2; run++) {
            client().post().uri("/api/v1/orgs/credit-lists/sweep").header("Authorization", "Bearer " + registrar)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY)).exchange().expectStatus().isOk();
        }
        assertThat(count("credit_list_entries")).isEqualTo(2);
        assertThat(registrations.organization("ORG-SW-MISS2").block().organization().abnormalListed()).isTrue();
        assertThat(registrations.organization("ORG-SW-QUAL1").block().organization().abnormalListed()).isFalse();
        for (String org : List.of("ORG-SW-MISS2", "ORG-SW-MISS4")) {
            EventEnvelope listed = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_ABNORMAL_LISTED)
                    && org.equals(e.data().get("organizationId").asString()));
            assertThat(listed.data().get("reason").asString()).contains("年度工作报告");
            assertThat(listed.data().get("status").asString()).isEqualTo("REGISTERED");
            JsonNode entry = awaitEvent(e -> e.type().equals(EventTypes.CREDIT_LIST_ENTRY_LISTED)
                    && e.subject().equals("ABN-LATE-" + org + "-" + year)).data();
            assertThat(LocalDate.parse(entry.get("noticeServedOn").asString())).isBefore(LocalDate.parse(entry.get("listedOn").asString()));
            Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.listed.v1")
                    && e.subject().equals("LN-ABN-LATE-" + org + "-" + year));
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> EVENTS.stream()
                .filter(e -> e.type().equals(EventTypes.ORGANIZATION_ABNORMAL_LISTED)
                        && "ORG-SW-MISS2".equals(e.data().get("organizationId").asString())).map(EventEnvelope::id).distinct().count() == 1);

        JsonNode publicList = client().get().uri("/api/v1/orgs/public/credit-lists?list=ABNORMAL&authority=" + AUTHORITY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(publicList.get("items").findValuesAsString("organizationName"))
                .containsExactlyInAnyOrder("随县乙协会", "随县丁协会");
    }

    private long count(String collection) {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("authorityCode").is(AUTHORITY)), collection).block();
    }

    @Test
    void anOrganizationInDeficitFilesItsNegativeNetAssetsButNoNegativeIncome() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.getYear() - 1;
        // another authority, so the sweep test's population of AUTHORITY stays what it counts
        new SocialGroups(registrations, "421322", "随县", "协会", "刘一", agent)
                .register("ORG-SW-DEFC7", "庚", LocalDate.of(year - 3, 3, 1), serial++);
        JsonNode filed = client().post().uri("/api/v1/orgs/organizations/ORG-SW-DEFC7/annual-reports")
                .header("Authorization", "Bearer " + agentToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", year, "boardElectedOnTime", true, "governance", "按期换届", "activities", "开展活动",
                        "finances", Map.of("income", "100.00", "expenditure", "1300.50", "netAssets", "-1200.50")))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(filed.get("netAssets").asString()).isEqualTo("-1200.50");
        client().post().uri("/api/v1/orgs/organizations/ORG-SW-DEFC7/annual-reports")
                .header("Authorization", "Bearer " + agentToken).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", year - 1, "governance", "g", "activities", "a",
                        "finances", Map.of("income", "-100.00", "expenditure", "1.00", "netAssets", "-1.00")))
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/finances/income"));
    }

    @Test
    void foundationsMustAttachTheAuditedReportAndTheSweepWaitsForTheDeadline() {
        client().post().uri("/api/v1/orgs/organizations/ORG-none/annual-reports").header("Authorization", "Bearer " + agentToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("year", 2024, "governance", "g", "activities", "a",
                        "finances", Map.of("income", "x", "expenditure", "1.00", "netAssets", "1.00")))
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).contains("/finances/income"));
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", thisYear)).exchange()
                .expectStatus().isEqualTo(422);
        client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + token("r2", "REGISTRAR", "330100"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", thisYear - 3)).exchange()
                .expectStatus().isForbidden();
    }

    private void fileAndGrade(String org, int year, String grade) {
        JsonNode filed = client().post().uri("/api/v1/orgs/organizations/" + org + "/annual-reports").header("Authorization", "Bearer " + agentToken)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("year", year, "boardElectedOnTime", true, "governance", "按期换届",
                        "activities", "开展活动", "finances", Map.of("income", "100.00", "expenditure", "50.00", "netAssets", "50.00")))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        boolean rectify = !grade.equals("QUALIFIED");
        client().post().uri("/api/v1/orgs/annual-reports/" + filed.get("id").asString() + "/grading")
                .header("Authorization", "Bearer " + registrar).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rectify ? Map.of("grade", grade, "findings", List.of("财务制度不健全"), "rectificationOrder", "限期整改",
                        "rectificationDue", LocalDate.now().plusMonths(3).toString()) : Map.of("grade", grade))
                .exchange().expectStatus().isOk();
        awaitEvent(e -> e.type().equals(EventTypes.ANNUAL_REPORT_GRADED) && (org + "-" + year).equals(e.data().get("aggregateId").asString()));
    }

    private JsonNode sweepAndWait(String id, long version) {
        client().post().uri("/api/v1/orgs/inspection-campaigns/" + id + "/sweep").header("Authorization", "Bearer " + registrar)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            done[0] = client().get().uri("/api/v1/orgs/inspection-campaigns/" + id).header("Authorization", "Bearer " + registrar)
                    .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
            return "SWEPT".equals(done[0].get("status").asString());
        });
        return done[0];
    }
}
