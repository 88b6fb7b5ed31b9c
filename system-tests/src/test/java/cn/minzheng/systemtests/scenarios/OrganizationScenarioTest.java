package cn.minzheng.systemtests.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.platform.codes.credit.CreditCode;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.OrgNames;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 3, organizations: an agent applies to register a 社会团体; the registrar accepts and
 * approves; a valid 统一社会信用代码 is issued (platform-codes {@link CreditCode}) and the public
 * lookup finds it, the representative masked; assistance-service's provider list takes it in (from
 * {@code org.events}). The annual inspection of the last ended year opens; the agent files and the
 * registrar grades; the sweep serves the organization that did not file a 拟列入告知, which its agent
 * sees; once the notice's statement period has run without a statement the credit-list sweep lists it on
 * the public 活动异常名录 and it drops off the provider list, the one that filed stays on it.
 *
 * <p>Time passes on org-service's business clock, moved by the admin through the gateway
 * ({@code POST /api/v1/orgs/admin/clock}, the devstack's adjustable clock): the organizations are
 * registered today; the reported year is the first one they are not exempt from (registered before
 * June of it); the clock moves to 2 January after that year (a campaign covers only an ended year),
 * the agent files and the registrar grades; the clock moves past the campaign's deadline and the
 * sweep runs; the clock moves past the notice's {@code respondBy} (always from the clock's own "now",
 * never the wall date: the devstack and its clock are shared) and the credit-list sweep runs. Nothing is
 * written to a store directly.
 */
@Tag("scenario")
@Order(5)
class OrganizationScenarioTest {

    static final String COUNTY = Households.COUNTY;
    static final List<String> ALL_DOCUMENTS = List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION",
            "PREMISES_PROOF", "OFFICER_IDS", "DRAFT_CHARTER");
    static final String ORGS = "/api/v1/orgs";
    static final String CLOCK = ORGS + "/admin/clock";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final Platform platform = Platform.get();
    final Gateway gateway = Gateway.of(platform);
    final Tokens tokens = new Tokens(platform);
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String registrar = tokens.of("org-registrar-" + run, "REGISTRAR", COUNTY);
    final String clerk = tokens.of("org-clerk-" + run, "CLERK", Households.TOWNSHIP);

    record Registered(String organizationId, String name, String creditCode, String agent, String representativeId,
                      LocalDate registeredOn) {
    }

    @Test
    void registerLookUpInspectGradeSweepAndTheNonFilerLeavesTheProviderList() {
        Registered filer = register("org-agent-a-" + run);
        Registered nonFiler = register("org-agent-b-" + run);

        for (Registered org : List.of(filer, nonFiler)) {
            assertThat(CreditCode.isValid(org.creditCode())).as("credit code " + org.creditCode()).isTrue();
            assertThat(org.creditCode()).startsWith("51" + COUNTY + "MJ");
            Answer lookup = gateway.get(ORGS + "/public/organizations?creditCode=" + org.creditCode()).send();
            assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
            assertThat(lookup.json()).as(lookup.toString()).hasSize(1);
            assertThat(lookup.json().get(0).path("name").asString()).isEqualTo(org.name());
            assertThat(lookup.json().get(0).path("legalRepresentative").asString()).isEqualTo("王*明");
            assertThat(lookup.body()).as("no ID number in public").doesNotContain(org.representativeId());
        }
        await("both organizations on assistance-service's provider list").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(providers()).contains(filer.organizationId(), nonFiler.organizationId()));

        LocalDate registeredOn = filer.registeredOn().isAfter(nonFiler.registeredOn()) ? filer.registeredOn() : nonFiler.registeredOn();
        // registered by the end of May: at least 7 months before the year's end, so not exempt
        int year = registeredOn.getMonthValue() <= 5 ? registeredOn.getYear() : registeredOn.getYear() + 1;
        moveOrgClockTo(LocalDate.of(year + 1, 1, 2));

        Answer opened = gateway.post(ORGS + "/inspection-campaigns").token(registrar)
                .json(Map.of("authorityCode", COUNTY, "year", year)).send();
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String campaign = opened.text("id");
        // 年检 deadlines per organization type ([JJ]: 基金会 by 31 March; the others by 31 May)
        assertThat(opened.json().path("deadlines").path("FOUNDATION").asString()).as(opened.toString()).isEqualTo((year + 1) + "-03-31");
        assertThat(opened.json().path("deadlines").path("SOCIAL_GROUP").asString()).as(opened.toString()).isEqualTo((year + 1) + "-05-31");
        assertThat(opened.text("deadline")).as("the campaign's deadline is its earliest type's").isEqualTo((year + 1) + "-03-31");
        // the sweep decides about an organization only after its own type's deadline: move past the latest
        LocalDate everyTypeDue = LocalDate.parse(opened.json().path("deadlines").path("SOCIAL_GROUP").asString());
        for (JsonNode due : opened.json().path("deadlines")) {
            LocalDate d = LocalDate.parse(due.asString());
            everyTypeDue = d.isAfter(everyTypeDue) ? d : everyTypeDue;
        }

        Answer filed = gateway.post(ORGS + "/organizations/" + filer.organizationId() + "/annual-reports").token(tokenOf(filer))
                .json(Map.of("year", year, "boardElectedOnTime", true, "governance", "按期换届，理事会每季度召开",
                        "activities", "举办科普讲座十二场",
                        "finances", Map.of("income", "120000.00", "expenditure", "98000.00", "netAssets", "52000.00")))
                .send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String report = filed.text("id");
        Answer graded = gateway.post(ORGS + "/annual-reports/" + report + "/grading").token(registrar)
                .ifMatch(version(ORGS + "/annual-reports/" + report, registrar)).json(Map.of("grade", "QUALIFIED")).send();
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.text("grade")).isEqualTo("QUALIFIED");

        moveOrgClockTo(everyTypeDue.plusDays(1));
        Answer sweep = gateway.post(ORGS + "/inspection-campaigns/" + campaign + "/sweep").token(registrar)
                .ifMatch(version(ORGS + "/inspection-campaigns/" + campaign, registrar)).send();
        assertThat(sweep.status()).as(sweep.toString()).isEqualTo(202);
        JsonNode[] swept = new JsonNode[1];
        await("the sweep done").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Answer c = gateway.get(ORGS + "/inspection-campaigns/" + campaign).token(registrar).send();
            assertThat(c.status()).as(c.toString()).isEqualTo(200);
            swept[0] = c.json();
            assertThat(c.text("status")).isEqualTo("SWEPT");
        });
        // the sweep serves a 拟列入告知 on the non-filer; the listing waits for its statement period ([信用])
        assertThat(swept[0].path("progress").path("listingNoticesIssued").asLong()).as(swept[0].toString()).isPositive();
        assertThat(swept[0].path("progress").has("abnormalListed")).as(swept[0].toString()).isFalse();

        assertThat(listingNotices(filer)).as("the filer gets no notice").isEmpty();
        List<JsonNode> notices = listingNotices(nonFiler);
        assertThat(notices).as("the non-filer's 拟列入告知, as its agent sees it").hasSize(1);
        JsonNode notice = notices.get(0);
        assertThat(notice.path("status").asString()).as(notice.toString()).isEqualTo("NOTIFIED");
        assertThat(notice.path("ground").asString()).as(notice.toString()).isEqualTo("LATE_ANNUAL_REPORT");
        LocalDate respondBy = LocalDate.parse(notice.path("respondBy").asString());
        assertThat(respondBy).as(notice.toString()).isAfter(LocalDate.parse(notice.path("issuedOn").asString()));
        assertThat(abnormalListed(nonFiler)).as("not listed while the statement period runs").isFalse();

        // the period runs without a statement; the daily credit-list sweep (run here by the registrar) lists
        moveOrgClockTo(respondBy.plusDays(1));
        Answer listing = gateway.post(ORGS + "/credit-lists/sweep").token(registrar).json(Map.of("authorityCode", COUNTY)).send();
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        JsonNode listed = listingNotices(nonFiler).get(0);
        assertThat(listed.path("status").asString()).as(listed.toString()).isEqualTo("LISTED");

        assertThat(abnormalListed(nonFiler)).as("the non-filer on the public 活动异常名录").isTrue();
        assertThat(abnormalListed(filer)).as("the filer not on it").isFalse();
        await("the non-filer drops off the provider list").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(providers()).contains(filer.organizationId())
                        .doesNotContain(nonFiler.organizationId()));
    }

    private Registered register(String agentSubject) {
        String agent = tokens.of(agentSubject, "ORG_AGENT", COUNTY);
        String field = "科普" + OrgNames.distinctive();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityCode", COUNTY);
        body.put("type", "SOCIAL_GROUP");
        body.put("name", Map.of("region", "随州市曾都区", "field", field, "form", "协会"));
        body.put("residence", "随州市曾都区烈山大道1号");
        body.put("purpose", "服务会员，普及科学知识");
        body.put("businessScope", "科普交流");
        body.put("activityArea", "曾都区");
        String representativeId = Households.idNumber(1975);
        body.put("legalRepresentative", Map.of("name", "王小明", "idNumber", representativeId));
        body.put("funds", "30000.00");
        body.put("fundsInCash", true);
        body.put("sponsorUnit", "曾都区科协");
        body.put("members", Map.of("individuals", 60, "units", 0));
        body.put("documents", ALL_DOCUMENTS);
        Answer applied = gateway.post(ORGS + "/applications").token(agent).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(body).send();
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String application = applied.text("id");
        String organization = applied.text("organizationId");
        for (String step : List.of("acceptance", "approval")) {
            Answer answer = gateway.post(ORGS + "/applications/" + application + "/" + step).token(registrar)
                    .ifMatch(version(ORGS + "/applications/" + application, registrar)).send();
            assertThat(answer.status()).as(step + ": " + answer).isEqualTo(200);
        }
        Answer approved = gateway.get(ORGS + "/applications/" + application).token(agent).send();
        assertThat(approved.text("status")).as(approved.toString()).isEqualTo("APPROVED");
        Answer org = gateway.get(ORGS + "/organizations/" + organization).token(agent).send();
        assertThat(org.status()).as(org.toString()).isEqualTo(200);
        agents.put(agentSubject, agent);
        return new Registered(organization, "随州市曾都区" + field + "协会", org.text("creditCode"), agentSubject, representativeId,
                LocalDate.parse(org.text("registeredOn")));
    }

    private final Map<String, String> agents = new LinkedHashMap<>();

    private String tokenOf(Registered org) {
        return agents.get(org.agent());
    }

    private long version(String path, String token) {
        Answer current = gateway.get(path).token(token).send();
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        return current.headers().firstValue("etag").map(etag -> Long.parseLong(etag.replace("W/", "").replace("\"", "")))
                .orElseGet(() -> current.json().path("version").asLong());
    }

    private List<String> providers() {
        Answer answer = gateway.get("/api/v1/assistance/providers").token(clerk).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    /** The organization's 拟列入告知, read by its own agent. */
    private List<JsonNode> listingNotices(Registered org) {
        Answer answer = gateway.get(ORGS + "/organizations/" + org.organizationId() + "/listing-notices").token(tokenOf(org)).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<JsonNode> notices = new ArrayList<>();
        answer.json().forEach(notices::add);
        return notices;
    }

    private boolean abnormalListed(Registered org) {
        Answer answer = gateway.get(ORGS + "/public/credit-lists?list=ABNORMAL&creditCode=" + org.creditCode()).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        for (JsonNode entry : answer.json().path("items")) {
            if (org.creditCode().equals(entry.path("creditCode").asString())) {
                assertThat(entry.path("organizationName").asString()).isEqualTo(org.name());
                return true;
            }
        }
        return false;
    }

    /**
     * Moves org-service's business clock forward to the start of {@code day} (China time), unless it
     * is there already (a second run against the same devstack); only the admin may.
     */
    private void moveOrgClockTo(LocalDate day) {
        String admin = tokens.of("org-admin-" + run, "ADMIN", COUNTY);
        Answer clock = gateway.get(CLOCK).token(admin).send();
        assertThat(clock.status()).as(clock.toString()).isEqualTo(200);
        LocalDate today = LocalDate.ofInstant(Instant.parse(clock.text("now")), CHINA);
        long days = ChronoUnit.DAYS.between(today, day);
        if (days > 0) {
            Answer moved = gateway.post(CLOCK).token(admin).json(Map.of("advanceBy", "P" + days + "D")).send();
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(LocalDate.ofInstant(Instant.parse(moved.text("now")), CHINA)).isEqualTo(day);
        }
    }
}
