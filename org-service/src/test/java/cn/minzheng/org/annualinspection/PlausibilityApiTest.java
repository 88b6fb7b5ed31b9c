package cn.minzheng.org.annualinspection;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16 item 3 through the API: reports only for years the organization existed; a late campaign is opened with a warning. */
class PlausibilityApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421126";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String agent = "agent-plaus-" + RUN;

    @Test
    void aReportForAYearBeforeRegistrationIsRefusedInChineseAndNothingIsStored() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = "ORG-PL-" + RUN;
        new SocialGroups(registrations, AUTHORITY, "蕲春县", "协会", "钱七", agent).register(id, "新" + RUN.substring(0, 2), today.minusDays(6),
                960_000 + Math.abs(RUN.hashCode() % 9_000));
        int before = today.minusDays(6).getYear() - 1;
        JsonNode refused = client().post().uri("/api/v1/orgs/organizations/" + id + "/annual-reports")
                .header("Authorization", "Bearer " + token(agent, "ORG_AGENT", AUTHORITY)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("year", before, "boardElectedOnTime", true, "governance", "理事会按章程运行", "activities", "开展培训2次",
                        "finances", Map.of("income", "1000.00", "expenditure", "800.00", "netAssets", "200.00")))
                .exchange().expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("code").asString()).isEqualTo("report-year-before-registration");
        assertThat(refused.get("errors").findValuesAsString("pointer")).containsExactly("/year");
        assertThat(refused.get("detail").asString()).contains("尚未成立").contains(before + "年度").contains("请报送");
        assertThat(mongo.count(new Query(Criteria.where("organizationId").is(id)), InspectionStore.REPORTS).block()).isZero();
    }

    @Test
    void aCampaignOpenedAfterItsDeadlineIsOpenedWithAWarningInItsViewAndEvent() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 2; // every deadline of that year has passed
        String registrar = token("registrar-plaus-" + RUN, "REGISTRAR", AUTHORITY);
        JsonNode campaign = client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", year))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode warning = campaign.get("warnings").get(0);
        assertThat(warning.get("code").asString()).isEqualTo("OPENED_AFTER_DEADLINE");
        assertThat(warning.get("message").asString()).contains("社会团体截止于" + (year + 1) + "-05-31").contains("基金会截止于" + (year + 1) + "-03-31");
        JsonNode read = client().get().uri("/api/v1/orgs/inspection-campaigns/" + campaign.get("id").asString())
                .header("Authorization", "Bearer " + registrar).exchange().expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(read.get("warnings")).isEqualTo(campaign.get("warnings"));
        EventEnvelope opened = awaitEvent(e -> e.type().equals(EventTypes.INSPECTION_CAMPAIGN_OPENED)
                && e.subject().equals(campaign.get("id").asString()));
        assertThat(opened.data().get("warnings").get(0).get("code").asString()).isEqualTo("OPENED_AFTER_DEADLINE");
    }
}
