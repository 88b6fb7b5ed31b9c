package cn.minzheng.org.creditlist;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 拟列入告知 through the API: the agent sees the notice in its organization's view and answers within the
 * period; a registrar rejects (the listing is made at once) or accepts (never listed); a late answer is
 * refused; bad input changes nothing.
 */
class ListingNoticeApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421087";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ListingNoticeStore notices;
    @Autowired
    CreditListStore entries;

    private final String registrar = token("ln-registrar", "REGISTRAR", AUTHORITY);
    private final String agent = token("ln-agent", "ORG_AGENT", AUTHORITY);

    /** An organization of the authority with a notice issued today (its period running). */
    private ListingNotice noticed(int n) {
        Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("松滋市", "", "告知" + n, "协会"), "松滋1号",
                "宗旨", "范围", "松滋市", new Person("郑五", "42108719800101" + (3000 + n)), 3_000_000L, true, null, null, "松滋市科协",
                new Members(60, 0), List.of(), Set.of());
        String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY, 610_000 + n).value();
        Organization o = Organization.register("ORG-LN-" + n, code, AUTHORITY, p, LocalDate.of(2019, 1, 1)).next();
        registrations.insert(o, "ln-agent", List.of(), List.of()).block();
        ListingNotice notice = ListingNotice.issue("LN-T-" + n, o.id(), AUTHORITY, EntryGround.LATE_ANNUAL_REPORT, "2025年度工作报告未报送",
                "ABN-T-" + n, null, TODAY, WorkingDayCalendar.builtIn(), CreditListPolicy.defaults()).next();
        notices.insertAll(List.of(notices.document(notice, o.name().fullName(), List.of()))).block();
        return notice;
    }

    private WebTestClient.ResponseSpec post(String path, String token, String ifMatch, Object body) {
        var spec = client().post().uri("/api/v1/orgs" + path).header("Authorization", "Bearer " + token);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static JsonNode body(WebTestClient.ResponseSpec r, int status) {
        return r.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theAgentAnswersInItsViewARejectedAnswerIsListedAtOnce() {
        ListingNotice n = noticed(1);
        JsonNode view = client().get().uri("/api/v1/orgs/organizations/ORG-LN-1/listing-notices").header("Authorization", "Bearer " + agent)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(view.findValuesAsString("id")).containsExactly("LN-T-1");
        assertThat(view.get(0).get("status").asString()).isEqualTo("NOTIFIED");
        assertThat(view.get(0).get("respondBy").asString()).isEqualTo(n.respondBy().toString());
        assertThat(view.get(0).get("responseWorkingDays").asInt()).isEqualTo(10);
        client().get().uri("/api/v1/orgs/organizations/ORG-LN-1/listing-notices")
                .header("Authorization", "Bearer " + token("ln-stranger", "ORG_AGENT", AUTHORITY)).exchange().expectStatus().isNotFound();

        // bad input: the problem names the field, nothing changes
        JsonNode blank = body(post("/listing-notices/LN-T-1/response", agent, "1", Map.of("statement", " ", "reasons", "理由")), 400);
        assertThat(blank.get("errors").findValuesAsString("pointer")).containsExactly("/statement");
        assertThat(blank.get("detail").asString()).isNotBlank();
        JsonNode unknown = body(post("/listing-notices/LN-T-1/response", agent, "1",
                Map.of("statement", "陈述", "reasons", "理由", "listed", false)), 400);
        assertThat(unknown.get("errors").findValuesAsString("code")).contains("unknown-field");
        post("/listing-notices/LN-T-1/response", agent, null, Map.of("statement", "陈述", "reasons", "理由")).expectStatus().isEqualTo(428);
        post("/listing-notices/LN-T-1/response", token("ln-stranger", "ORG_AGENT", AUTHORITY), "1",
                Map.of("statement", "陈述", "reasons", "理由")).expectStatus().isNotFound(); // not its notice: as a missing one
        post("/listing-notices/LN-T-1/acceptance", agent, "1", Map.of("reasons", "理由")).expectStatus().isForbidden();
        assertThat(notices.notice("LN-T-1").block().version()).isEqualTo(1);

        JsonNode answered = body(post("/listing-notices/LN-T-1/response", agent, "1",
                Map.of("statement", "已于次日补报年度工作报告", "reasons", "逾期系信息系统故障所致，非故意")), 200);
        assertThat(answered.get("status").asString()).isEqualTo("RESPONDED");
        assertThat(answered.get("response").get("filedBy").asString()).isEqualTo("ln-agent");
        EventEnvelope filed = Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.response-filed.v1")
                && e.subject().equals("LN-T-1"));
        assertThat(filed.actorRole()).isEqualTo("ORG_AGENT");

        JsonNode noReasons = body(post("/listing-notices/LN-T-1/rejection", registrar, "2", Map.of("reasons", "")), 400);
        assertThat(noReasons.get("errors").findValuesAsString("pointer")).containsExactly("/reasons");
        JsonNode listed = body(post("/listing-notices/LN-T-1/rejection", registrar, "2",
                Map.of("reasons", "补报不改变逾期未报送的事实，且未提供系统故障的证明")), 200);
        assertThat(listed.get("status").asString()).isEqualTo("LISTED");
        assertThat(listed.get("decision").get("accepted").asBoolean()).isFalse();
        assertThat(listed.get("listedOn").asString()).isEqualTo(TODAY.toString());
        CreditListEntry entry = entries.entry("ABN-T-1").block();
        assertThat(entry.status()).isEqualTo(EntryStatus.LISTED);
        assertThat(entry.noticeServedOn()).isEqualTo(TODAY);
        assertThat(registrations.organization("ORG-LN-1").block().organization().abnormalListed()).isTrue();
        awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_ABNORMAL_LISTED) && e.subject().equals("ORG-LN-1"));
        Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.response-rejected.v1") && e.subject().equals("LN-T-1"));
        Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.listed.v1") && e.subject().equals("LN-T-1"));

        JsonNode again = body(post("/listing-notices/LN-T-1/rejection", registrar, "4", Map.of("reasons", "再次")), 409);
        assertThat(again.get("code").asString()).isEqualTo("illegal-transition");
        assertThat(again.get("detail").asString()).contains("已列入名录");
    }

    @Test
    void anAcceptedAnswerIsNeverListedAndALateAnswerIsRefused() {
        noticed(2);
        post("/listing-notices/LN-T-2/response", agent, "1", Map.of("statement", "已按时报送", "reasons", "报送回执编号在附件中")).expectStatus().isOk();
        JsonNode accepted = body(post("/listing-notices/LN-T-2/acceptance", registrar, "2", Map.of("reasons", "经核实已按时报送，系统漏记")), 200);
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.response-accepted.v1") && e.subject().equals("LN-T-2"));

        noticed(3);
        Notices.periodEnded(notices, TODAY, List.of("LN-T-2", "LN-T-3"));
        JsonNode late = body(post("/listing-notices/LN-T-3/response", agent, "2", Map.of("statement", "陈述", "reasons", "理由")), 422);
        assertThat(late.get("code").asString()).isEqualTo("response-period-ended");
        assertThat(late.get("errors").findValuesAsString("pointer")).containsExactly("/statement");
        assertThat(notices.notice("LN-T-3").block().status()).isEqualTo(NoticeStatus.NOTIFIED);

        JsonNode swept = body(post("/credit-lists/sweep", registrar, null, Map.of("authorityCode", AUTHORITY)), 200);
        assertThat(swept.get("listed").asLong()).isEqualTo(1);
        assertThat(notices.notice("LN-T-3").block().status()).isEqualTo(NoticeStatus.LISTED);
        assertThat(notices.notice("LN-T-2").block().status()).isEqualTo(NoticeStatus.ACCEPTED);
        assertThat(entries.entry("ABN-T-2").block()).as("an accepted answer: no listing").isNull();
        assertThat(registrations.organization("ORG-LN-2").block().organization().abnormalListed()).isFalse();
        assertThat(registrations.organization("ORG-LN-3").block().organization().abnormalListed()).isTrue();

        client().get().uri("/api/v1/orgs/listing-notices/LN-T-404").header("Authorization", "Bearer " + registrar).exchange()
                .expectStatus().isNotFound();
        // another region's notice answers exactly as a missing one (issue 16 item 1)
        client().get().uri("/api/v1/orgs/listing-notices/LN-T-3").header("Authorization", "Bearer " + token("far", "REGISTRAR", "330100"))
                .exchange().expectStatus().isNotFound();
    }
}
