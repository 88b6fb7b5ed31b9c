package cn.minzheng.assistance.web;

import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 §6 and §7: no household oracle — a conflicting submission is taken and put before a clerk,
 * the citizen never learns another case's number nor that anyone else applied; 回避 — nobody accepts,
 * decides or approves a case they submitted or of a household they belong to.
 */
class HouseholdConflictAndRecusalApiTest extends ServiceTestBase {
    static final String CLERK = token("clerk-conflict", "CLERK", "421303001");
    static final String APPROVER = token("approver-conflict", "APPROVER", "421303");
    static final String APPLICATIONS = "/api/v1/assistance/applications";

    static String tokenWith(String sub, String region, String... roles) {
        return EmbeddedInfra.shared().mint(sub, sub, List.of(roles), region);
    }

    /** {@code base}'s household with its spouse replaced by the person {@code spouseId}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withSpouse(Map<String, Object> base, String spouseId) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) base.get("members")) {
            Map<String, Object> copy = new LinkedHashMap<>(m);
            if ("SPOUSE".equals(copy.get("relation"))) {
                copy.put("idNumber", spouseId);
            }
            members.add(copy);
        }
        return Requests.with(base, "members", members);
    }

    String submitRaw(String token, Map<String, Object> body) {
        return http.post().uri(APPLICATIONS).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
    }

    static String numberIn(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("a number in %s", json).isTrue();
        return m.group(1);
    }

    String read(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> staffView(String number) {
        return http.get().uri(APPLICATIONS + "/" + number).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void listingSomeoneElsesPersonTellsTheCitizenNothingAndThePersonsOwnApplicationIsTaken() {
        String person = Households.id("19820202", 411); // the spouse of household 411, applying on their own later
        String prober = tokenWith("citizen-prober", "421303001", "CITIZEN");
        String self = tokenWith("citizen-person-411", "421303001", "CITIZEN");
        String unrelated = tokenWith("citizen-unrelated-413", "421303001", "CITIZEN");

        // the prober lists the person first ("claims" them)
        String probe = submitRaw(prober, withSpouse(Requests.dibao(412, "800.00"), person));
        String probeNumber = numberIn(probe);
        // the person's own household applies: taken, not refused, and not told about the prober's case
        Map<String, Object> own = Requests.with(Requests.dibao(411, "800.00"), "applicantIdNumber",
                Households.id("19800101", 411));
        String answer = submitRaw(self, own);
        String ownNumber = numberIn(answer);
        assertThat(ownNumber).isNotEqualTo(probeNumber);
        assertThat(answer).doesNotContain(probeNumber).doesNotContain("householdConflict").doesNotContain("冲突");

        // neither citizen sees anything of the other, in the case or in their list
        for (String[] viewer : List.of(new String[]{prober, probeNumber, ownNumber},
                new String[]{self, ownNumber, probeNumber})) {
            String view = read(APPLICATIONS + "/" + viewer[1], viewer[0]);
            assertThat(view).doesNotContain(viewer[2]).doesNotContain("householdConflict");
            assertThat(read(APPLICATIONS + "/mine?limit=100", viewer[0])).doesNotContain(viewer[2])
                    .doesNotContain("householdConflict");
        }
        // nor by asking for the other case: not disclosed
        http.get().uri(APPLICATIONS + "/" + probeNumber).header(HttpHeaders.AUTHORIZATION, "Bearer " + self).exchange()
                .expectStatus().isNotFound().expectBody(String.class)
                .value(b -> assertThat(b).doesNotContain(ownNumber));

        // the clerk sees both, each naming the other, and finds them in the queue
        String loner = numberIn(submitRaw(unrelated, Requests.dibao(413, "800.00")));
        assertThat(staffView(ownNumber).get("householdConflict")).isEqualTo(List.of(probeNumber));
        assertThat(staffView(probeNumber).get("householdConflict")).isEqualTo(List.of(ownNumber));
        assertThat(staffView(loner).get("householdConflict")).isEqualTo(List.of());
        String queue = read(APPLICATIONS + "?householdConflict=true&limit=100", CLERK);
        assertThat(queue).contains(ownNumber, probeNumber).doesNotContain(loner);
        assertThat(read(APPLICATIONS + "?householdConflict=false&limit=100", CLERK))
                .doesNotContain(ownNumber).doesNotContain(probeNumber);

        // and decides: the prober's case not accepted, the person's own accepted
        Map<String, Object> probeCase = staffView(probeNumber);
        post(APPLICATIONS + "/" + probeNumber + "/non-acceptance", CLERK,
                Map.of("reason", "所列配偶已在本人家庭申请中，经核实非本户成员"), probeCase.get("version"));
        Map<String, Object> ownCase = staffView(ownNumber);
        assertThat(post(APPLICATIONS + "/" + ownNumber + "/acceptance", CLERK, Map.of(), ownCase.get("version"))
                .get("status")).isEqualTo("ACCEPTED");
    }

    WebTestClient.ResponseSpec command(String number, String sub, String token, Object body) {
        Object version = staffView(number).get("version");
        return http.post().uri(APPLICATIONS + "/" + number + "/" + sub).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\"").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    static void refusedAsOwnHousehold(WebTestClient.ResponseSpec spec, String number) {
        spec.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("own-household-case")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(number).contains("其他工作人员"));
    }

    @Test
    void aClerkWhoAppliedCannotAcceptOrRefuseTheirOwnCaseAnotherClerkCan() {
        String clerkCitizen = tokenWith("clerk-citizen-414", "421303", "CITIZEN", "CLERK");
        String number = numberIn(submitRaw(clerkCitizen, Requests.dibao(414, "800.00")));

        refusedAsOwnHousehold(command(number, "acceptance", clerkCitizen, Map.of()), number);
        refusedAsOwnHousehold(command(number, "supplement-request", clerkCitizen,
                Map.of("missingItems", List.of("户口簿"))), number);
        refusedAsOwnHousehold(command(number, "non-acceptance", clerkCitizen, Map.of("reason", "撤回")), number);
        assertThat(staffView(number).get("status")).isEqualTo("SUBMITTED");
        // the applicant's own acts stay theirs
        assertThat(read(APPLICATIONS + "/" + number, clerkCitizen)).doesNotContain("householdConflict");

        command(number, "acceptance", CLERK, Map.of()).expectStatus().isOk();
        assertThat(staffView(number).get("status")).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> refusals = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.security.forbidden.v1"))
                    .filter(e -> "clerk-citizen-414".equals(e.actorId())).toList();
            assertThat(refusals).hasSizeGreaterThanOrEqualTo(3);
        });
    }

    @Test
    void anApproverCannotDecideACaseOfAHouseholdTheyBelongToAnotherApproverCan() {
        // the approver's own application says who they are: the applicant of household 415
        String approverCitizen = tokenWith("approver-citizen-415", "421303", "CITIZEN", "APPROVER");
        submitRaw(approverCitizen, Requests.dibao(415, "800.00"));
        String approverId = Households.id("19800101", 415);
        // a relative lists the approver as spouse in another household's case
        String relative = tokenWith("citizen-relative-416", "421303001", "CITIZEN");
        Map<String, Object> c = awaitingDecision(submitted(relative,
                withSpouse(Requests.dibao(416, "600.00"), approverId)), CLERK, true);
        String number = (String) c.get("number");

        refusedAsOwnHousehold(command(number, "decision", approverCitizen, Map.of("approve", true)), number);
        assertThat(staffView(number).get("status")).isEqualTo(c.get("status"));
        command(number, "decision", APPROVER, Map.of("approve", true)).expectStatus().isOk();
        assertThat(staffView(number).get("status")).isEqualTo("ACTIVE");
        // and later changes on the case, too
        refusedAsOwnHousehold(command(number, "suspension", approverCitizen, Map.of("reason", "暂停")), number);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(allEvents().stream()
                .map(KafkaCloudEvents::fromRecord)
                .filter(e -> e.type().equals("minzheng.assistance.security.forbidden.v1"))
                .filter(e -> "approver-citizen-415".equals(e.actorId()))).hasSizeGreaterThanOrEqualTo(2));
    }
}
