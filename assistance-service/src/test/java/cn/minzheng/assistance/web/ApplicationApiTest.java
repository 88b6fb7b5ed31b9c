package cn.minzheng.assistance.web;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import cn.minzheng.platform.events.KafkaCloudEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApplicationApiTest extends ServiceTestBase {
    static final String CITIZEN = token("citizen-a", "CITIZEN", "421303001");
    static final String CLERK = token("clerk-a", "CLERK", "421303001");
    static final String CLERK_2 = token("clerk-b", "CLERK", "421303001");
    static final String APPROVER = token("approver-a", "APPROVER", "421303");
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    WebTestClient.ResponseSpec post(String path, String token, Object body, String ifMatch) {
        WebTestClient.RequestBodySpec spec = http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (ifMatch != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return spec.bodyValue(body == null ? Map.of() : body).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> ok(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().is2xxSuccessful().expectBody(Map.class).returnResult().getResponseBody();
    }

    String submit(String citizen, Map<String, Object> body) {
        Map<String, Object> r = ok(post("/api/v1/assistance/applications", citizen, body, null));
        return (String) r.get("number");
    }

    Map<String, Object> command(String number, String sub, String token, Object body) {
        Map<String, Object> current = get(number, token);
        return ok(post("/api/v1/assistance/applications/" + number + "/" + sub, token, body,
                "\"" + current.get("version") + "\""));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String number, String token) {
        return http.get().uri("/api/v1/assistance/applications/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aDibaoCaseGoesFromSubmissionToPaymentAndEveryEventFitsItsSchema() {
        String number = submit(CITIZEN, Requests.dibao(101, "1100.00"));
        assertThat(number).matches("421303001001-\\d{8}-\\d{4}");

        command(number, "supplement-request", CLERK, Map.of("missingItems", List.of("户口簿", "收入证明")));
        // 一次性告知: a second request before the citizen resubmits is refused
        Map<String, Object> v = get(number, CLERK);
        post("/api/v1/assistance/applications/" + number + "/supplement-request", CLERK,
                Map.of("missingItems", List.of("身份证")), "\"" + v.get("version") + "\"")
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
        command(number, "resubmission", CITIZEN, Requests.dibao(101, "1000.00"));
        command(number, "acceptance", CLERK, Map.of());
        // a home visit by one person is not enough
        Map<String, Object> accepted = get(number, CLERK);
        post("/api/v1/assistance/applications/" + number + "/home-visits", CLERK,
                Map.of("staffIds", List.of("clerk-a"), "findings", "x"), "\"" + accepted.get("version") + "\"")
                .expectStatus().isEqualTo(422);
        command(number, "home-visits", CLERK, Map.of("staffIds", List.of("clerk-a", "clerk-b"),
                "findings", "住房简陋, 无大件家电", "membersPresent", List.of("张三")));
        command(number, "economic-checks", CLERK, Map.of("summary", "无车辆、无房产登记", "incomeConfirmed", true));
        command(number, "opinion", CLERK, Map.of("recommendApproval", true, "reason", "符合低保条件"));
        command(number, "publicity", CLERK, Map.of());

        // the public list shows the case, masked, without a token
        http.get().uri("/api/v1/assistance/public/publicity").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.number == '" + number + "')].applicant").isEqualTo("张*")
                .jsonPath("$[?(@.number == '" + number + "')].householdSize").isEqualTo(3);
        Map<String, Object> inPublicity = get(number, CLERK);
        post("/api/v1/assistance/applications/" + number + "/publicity/completion", CLERK, Map.of(),
                "\"" + inPublicity.get("version") + "\"").expectStatus().isEqualTo(422);
        CLOCK.advance(Duration.ofDays(7));
        command(number, "publicity/completion", CLERK, Map.of());
        // a clerk may not decide
        Map<String, Object> awaiting = get(number, CLERK);
        post("/api/v1/assistance/applications/" + number + "/decision", CLERK, Map.of("approve", true),
                "\"" + awaiting.get("version") + "\"").expectStatus().isForbidden();
        Map<String, Object> approved = command(number, "decision", APPROVER, Map.of("approve", true));

        assertThat(approved.get("status")).isEqualTo("ACTIVE");
        @SuppressWarnings("unchecked")
        Map<String, Object> benefit = (Map<String, Object>) approved.get("benefit");
        // 补差 680.00 × 3 − 1000.00 = 1040.00 (1040.01 when the rounded per-capita 333.33 was the input)
        assertThat(benefit.get("monthlyAmount")).isEqualTo("1040.00");
        @SuppressWarnings("unchecked")
        Map<String, Object> calc = (Map<String, Object>) ((Map<String, Object>) approved.get("decision")).get("calculation");
        assertThat(calc.get("standard")).isEqualTo("680.00");
        assertThat(calc.get("perCapitaIncome")).isEqualTo("333.33");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> mine = eventsOf(number);
            assertThat(mine).extracting(EventEnvelope::type).containsExactly(
                    "minzheng.assistance.application.submitted.v1",
                    "minzheng.assistance.application.supplement-requested.v1",
                    "minzheng.assistance.application.resubmitted.v1",
                    "minzheng.assistance.application.accepted.v1",
                    "minzheng.assistance.application.home-visit-recorded.v1",
                    "minzheng.assistance.application.economic-check-recorded.v1",
                    "minzheng.assistance.application.opinion-issued.v1",
                    "minzheng.assistance.application.publicity-started.v1",
                    "minzheng.assistance.application.publicity-completed.v1",
                    "minzheng.assistance.application.approved.v1");
            for (EventEnvelope e : mine) {
                assertThat(EventSchemaValidator.shared().validate(e)).as(e.type()).isEmpty();
                assertThat(e.actorId()).isNotBlank();
                assertThat(e.regionCode()).isEqualTo("421303001001");
            }
            assertThat(mine).extracting(EventEnvelope::aggregateVersion)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        });
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstCaseAndAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Requests.dibao(102, "800.00");
        String first = (String) ok(http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()).get("number");
        String again = (String) ok(http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()).get("number");
        assertThat(again).isEqualTo(first);
        http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Requests.dibao(102, "900.00")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("idempotency-key-reused");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    /**
     * An instance killed after writing the case but before completing the key's idempotency record
     * leaves the key in flight; once its lease expires the client's retry (same key, same body) is
     * processed again. It must answer the case it created — not a 409 and not a second case.
     */
    @Test
    void aRetryWhoseFirstAnswerWasLostAfterTheCaseWasWrittenAnswersThatCase() {
        String citizen = token("citizen-lost-answer", "CITIZEN", "421303001");
        Map<String, Object> body = Requests.dibao(974, "800.00"); // a household no other test uses
        String key = UUID.randomUUID().toString();
        String first = (String) ok(http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()).get("number");
        // the crash: the key's record never completed and was abandoned (lease expired)
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("key").is(key)), "idempotency_keys").block();

        http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.number").isEqualTo(first);
        assertThat(mine(citizen)).as("one case, not two").isEqualTo(1);

        // another key (a new submission of the same household), or the same key by someone else: a new
        // case, never the first one's number, flagged for a clerk
        String again = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).doesNotContain(first).doesNotContain("householdConflict");
        String otherMember = http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("citizen-other-member", "CITIZEN", "421303001"))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assertThat(otherMember).doesNotContain(first).doesNotContain("householdConflict");
        assertThat(mine(citizen)).as("the retry made none, the new key one").isEqualTo(2);
        assertThat(get(first, CLERK).get("householdConflict")).asList().hasSize(2);
    }

    @SuppressWarnings("unchecked")
    int mine(String citizen) {
        Map<String, Object> page = http.get().uri("/api/v1/assistance/applications/mine?limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Object>) page.get("items")).size();
    }

    @Test
    void aSecondOpenApplicationOfTheSameHouseholdIsTakenWithoutNamingTheFirstAndFlaggedForTheClerk() {
        String first = submit(CITIZEN, Requests.dibao(103, "800.00"));
        String answer = post("/api/v1/assistance/applications", CITIZEN, Requests.dibao(103, "700.00"), null)
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assertThat(answer).doesNotContain(first).doesNotContain("householdConflict");
        String second = (String) JSON.readValue(answer, Map.class).get("number");
        assertThat(get(second, CLERK).get("householdConflict")).isEqualTo(List.of(first));
        assertThat(get(first, CLERK).get("householdConflict")).isEqualTo(List.of(second));
        assertThat(get(first, CITIZEN)).doesNotContainKey("householdConflict");
        // once withdrawn, the first is no conflict for a later application
        command(first, "withdrawal", CITIZEN, Map.of("reason", "情况好转"));
        String third = submit(CITIZEN, Requests.dibao(103, "700.00"));
        assertThat(get(third, CLERK).get("householdConflict")).isEqualTo(List.of(second));
    }

    @Test
    void badInputIsAProblemWithFieldPointersAndNothingIsStored() {
        String citizen = token("citizen-bad-input", "CITIZEN", "421303001");
        Map<String, Object> body = Requests.dibao(104, "-5");
        body = Requests.with(body, "regionCode", "110105001001");
        body = Requests.with(body, "applicantIdNumber", "11010519491231002X");
        post("/api/v1/assistance/applications", citizen, body, null)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("validation-failed")
                .jsonPath("$.errors[?(@.pointer == '/regionCode')].code").isEqualTo("REGION_UNKNOWN")
                .jsonPath("$.errors[?(@.pointer == '/applicantIdNumber')].code").isEqualTo("APPLICANT_NOT_MEMBER")
                .jsonPath("$.errors[?(@.pointer == '/members/0/incomes/0/monthlyAmount')].code").isEqualTo("AMOUNT_FORMAT")
                // the platform's one money rule (platform-codes Fen) tells the person what to write
                .jsonPath("$.errors[?(@.pointer == '/members/0/incomes/0/monthlyAmount')].message")
                .isEqualTo("金额不能为负数，请填写 0 或以上的金额（元）");
        http.get().uri("/api/v1/assistance/applications/mine").header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.post().uri("/api/v1/assistance/applications").header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"program\": \"NO_SUCH\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void twoClerksOnOneCaseTheSecondGets412AndAMissingIfMatchIs428() {
        String number = submit(CITIZEN, Requests.dibao(105, "800.00"));
        post("/api/v1/assistance/applications/" + number + "/acceptance", CLERK, Map.of(), "\"1\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        post("/api/v1/assistance/applications/" + number + "/non-acceptance", CLERK_2, Map.of("reason", "材料不全"), "\"1\"")
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectBody().jsonPath("$.code").isEqualTo("stale-version");
        post("/api/v1/assistance/applications/" + number + "/non-acceptance", CLERK_2, Map.of("reason", "材料不全"), null)
                .expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        assertThat(get(number, CLERK).get("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void accessMatrixRoleRegionOwner() {
        String number = submit(CITIZEN, Requests.dibao(106, "800.00"));
        record Case(String token, int status) {
        }
        List<Case> cases = List.of(
                new Case(CITIZEN, 200),
                new Case(token("citizen-other", "CITIZEN", "421303001"), 404),
                new Case(CLERK, 200),
                new Case(token("clerk-elsewhere", "CLERK", "421303002"), 404),
                new Case(token("clerk-wuhan", "CLERK", "420100"), 404),
                new Case(APPROVER, 200),
                new Case(token("auditor-a", "AUDITOR", "421303"), 200),
                // not a role of this service at all (the gateway's route roles, issue 14 item 7): 403 for any case
                new Case(token("org-agent", "ORG_AGENT", "421303"), 403));
        for (Case c : cases) {
            http.get().uri("/api/v1/assistance/applications/" + number)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + c.token()).exchange()
                    .expectStatus().isEqualTo(c.status());
        }
        http.get().uri("/api/v1/assistance/applications/" + number).exchange().expectStatus().isUnauthorized();
        // a citizen may not accept; a clerk elsewhere may not act
        post("/api/v1/assistance/applications/" + number + "/acceptance", CITIZEN, Map.of(), "\"1\"")
                .expectStatus().isForbidden();
        post("/api/v1/assistance/applications/" + number + "/acceptance", token("clerk-x", "CLERK", "421303002"),
                Map.of(), "\"1\"").expectStatus().isNotFound();
        // the queue: citizens have none
        http.get().uri("/api/v1/assistance/applications").header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theWorkQueueFiltersAndPagesWithinTheClerksRegion() {
        for (int i = 0; i < 3; i++) {
            submit(token("citizen-q" + i, "CITIZEN", "421303001"), Requests.dibao(110 + i, "800.00"));
        }
        String url = "/api/v1/assistance/applications?status=SUBMITTED&program=DIBAO_URBAN&limit=2";
        @SuppressWarnings("unchecked")
        Map<String, Object> page1 = http.get().uri(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked") List<Object> items1 = (List<Object>) page1.get("items");
        assertThat(items1).hasSize(2);
        assertThat(page1.get("next")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> page2 = http.get().uri(url + "&cursor=" + page1.get("next"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked") List<Object> items2 = (List<Object>) page2.get("items");
        assertThat(items2).isNotEmpty().doesNotContainAnyElementsOf(items1);
        http.get().uri("/api/v1/assistance/applications?region=421303002")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isForbidden();
        http.get().uri("/api/v1/assistance/applications?limit=1000")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/assistance/applications?region=421303002")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("clerk-far", "CLERK", "421303002"))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void overdueCasesShowInTheDueListAndTheQueue() {
        String number = submit(token("citizen-late", "CITIZEN", "421303001"), Requests.dibao(120, "800.00"));
        command(number, "acceptance", CLERK, Map.of());
        CLOCK.advance(Duration.ofDays(10));
        http.get().uri("/api/v1/assistance/applications/due").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.number == '" + number + "')].overdue").isEqualTo(true);
        http.get().uri("/api/v1/assistance/applications?overdue=true&limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.number == '" + number + "')]").exists();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class)
                .value(s -> assertThat(s).contains("assistance_cases_open{status=\"ACCEPTED\"}")
                        .containsPattern("assistance_cases_overdue [1-9]")));
    }

    @Test
    void urgentTemporaryAssistanceIsPaidFirst() {
        Map<String, Object> body = Requests.with(Requests.dibao(130, null), "program", "TEMPORARY");
        body = Requests.with(body, "emergencyKind", "URGENT");
        body = Requests.with(body, "requestedAmount", "3000.00");
        String number = submit(token("citizen-fire", "CITIZEN", "421303001"), body);
        Map<String, Object> paid = command(number, "emergency-payment", CLERK,
                Map.of("amount", "2000.00", "reason", "火灾, 先行救助"));
        assertThat(paid.get("status")).isEqualTo("PAID_FIRST");
        post("/api/v1/assistance/applications/" + number + "/emergency-payment", CLERK,
                Map.of("amount", "2,000.00", "reason", "火灾"), "\"" + paid.get("version") + "\"")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/amount")
                .jsonPath("$.errors[0].code").isEqualTo("AMOUNT_FORMAT")
                .jsonPath("$.errors[0].message").isEqualTo("金额只能由数字和一个小数点组成，例如 680 或 680.50；请去掉正负号、空格和千位分隔符");
        assertThat(command(number, "record-completion", CLERK, Map.of("reason", "经办 clerk-a; 原因 火灾; 2000.00 元; 已签字"))
                .get("status")).isEqualTo("RECORD_COMPLETED");
    }

    @Test
    void adminAddsAStandardOthersMayNot() {
        Map<String, Object> standard = Map.of("regionPrefix", "421303", "kind", "DIBAO_URBAN", "effectiveFrom", "2099-01",
                "monthlyAmount", "720.00", "source", "test notice 2099");
        String admin = token("admin-a", "ADMIN", "421303");
        post("/api/v1/assistance/standards", CLERK, standard, null).expectStatus().isForbidden();
        post("/api/v1/assistance/standards", admin, standard, null).expectStatus().isCreated();
        post("/api/v1/assistance/standards", admin, standard, null).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        post("/api/v1/assistance/standards", admin, Map.of("regionPrefix", "x"), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(5);
        http.get().uri("/api/v1/assistance/standards").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.effectiveFrom == '2023-01' && @.kind == 'DIBAO_URBAN')].monthlyAmount").isEqualTo("680.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> added = allEvents().stream().map(KafkaCloudEvents::fromRecord)
                    .filter(e -> e.type().equals("minzheng.assistance.standard.added.v1")).toList();
            assertThat(added).isNotEmpty();
            added.forEach(e -> assertThat(EventSchemaValidator.shared().validate(e)).isEmpty());
        });
    }

    static List<ConsumerRecord<String, byte[]>> recordsOf(String number) {
        return allEvents().stream().filter(r -> number.equals(r.key())).toList();
    }
}
