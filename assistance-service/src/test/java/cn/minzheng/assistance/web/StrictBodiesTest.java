package cn.minzheng.assistance.web;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Request bodies are read strictly: JSON types are never coerced, unknown fields are refused, amounts
 * are two-decimal yuan strings within bounds; every refusal is a 400 problem naming the field and
 * nothing is stored.
 */
class StrictBodiesTest extends ServiceTestBase {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final AtomicInteger SEQ = new AtomicInteger(400);
    static final String CLERK = token("strict-clerk", "CLERK", "421303001");
    static final String APPROVER = token("strict-approver", "APPROVER", "421303");

    static final String INCOME = "/members/0/incomes/0/monthlyAmount";

    /** (what, JSON pointer of the field to replace, the raw JSON put there, the pointer the problem names). */
    static Stream<Arguments> wronglyTypedSubmissions() {
        return Stream.of(
                Arguments.of("commitment 42", "/truthfulnessCommitment", "42", "/truthfulnessCommitment"),
                Arguments.of("commitment -1.5", "/truthfulnessCommitment", "-1.5", "/truthfulnessCommitment"),
                Arguments.of("commitment 1", "/truthfulnessCommitment", "1", "/truthfulnessCommitment"),
                Arguments.of("commitment \"yes\"", "/truthfulnessCommitment", "\"yes\"", "/truthfulnessCommitment"),
                Arguments.of("commitment \"true\"", "/truthfulnessCommitment", "\"true\"", "/truthfulnessCommitment"),
                Arguments.of("commitment [1]", "/truthfulnessCommitment", "[1]", "/truthfulnessCommitment"),
                Arguments.of("commitment [true]", "/truthfulnessCommitment", "[true]", "/truthfulnessCommitment"),
                Arguments.of("commitment {}", "/truthfulnessCommitment", "{\"a\":1}", "/truthfulnessCommitment"),
                Arguments.of("authorization 1", "/members/0/authorizationSigned", "1", "/members/0/authorizationSigned"),
                Arguments.of("authorization \"true\"", "/members/0/authorizationSigned", "\"true\"", "/members/0/authorizationSigned"),
                Arguments.of("amount number 1e10", INCOME, "1e10", INCOME),
                Arguments.of("amount number 800.00", INCOME, "800.00", INCOME),
                Arguments.of("amount number 800", INCOME, "800", INCOME),
                Arguments.of("amount \"1e10\"", INCOME, "\"1e10\"", INCOME),
                Arguments.of("amount \"12.345\"", INCOME, "\"12.345\"", INCOME),
                Arguments.of("amount number 12.345", INCOME, "12.345", INCOME),
                Arguments.of("amount \"99999999999999999999.00\"", INCOME, "\"99999999999999999999.00\"", INCOME),
                Arguments.of("amount number 99999999999999999999.00", INCOME, "99999999999999999999.00", INCOME),
                Arguments.of("amount above the bound", INCOME, "\"1000000.01\"", INCOME),
                Arguments.of("amount \"-1.00\"", INCOME, "\"-1.00\"", INCOME),
                Arguments.of("amount \" 800.00\"", INCOME, "\" 800.00\"", INCOME),
                Arguments.of("amount \"800,00\"", INCOME, "\"800,00\"", INCOME),
                Arguments.of("amount full-width digits", INCOME, "\"８００.00\"", INCOME),
                Arguments.of("amount \"NaN\"", INCOME, "\"NaN\"", INCOME),
                Arguments.of("amount true", INCOME, "true", INCOME),
                Arguments.of("amount {}", INCOME, "{}", INCOME),
                Arguments.of("disability grade 1.5", "/members/0/disabilityGrade", "1.5", "/members/0/disabilityGrade"),
                Arguments.of("disability grade \"2\"", "/members/0/disabilityGrade", "\"2\"", "/members/0/disabilityGrade"),
                Arguments.of("disability grade true", "/members/0/disabilityGrade", "true", "/members/0/disabilityGrade"),
                Arguments.of("program 0", "/program", "0", "/program"),
                Arguments.of("program lower case", "/program", "\"dibao_urban\"", "/program"),
                Arguments.of("program \"\"", "/program", "\"\"", "/program"),
                Arguments.of("region as a number", "/regionCode", "421303001001", "/regionCode"),
                Arguments.of("name 42", "/members/0/name", "42", "/members/0/name"),
                Arguments.of("name true", "/members/0/name", "true", "/members/0/name"),
                Arguments.of("name [\"x\"]", "/members/0/name", "[\"x\"]", "/members/0/name"),
                Arguments.of("ID number as a number", "/members/1/idNumber", "110105194912310021", "/members/1/idNumber"),
                Arguments.of("members an object", "/members", "{}", "/members"),
                Arguments.of("members a string", "/members", "\"x\"", "/members"),
                Arguments.of("incomes an object", "/members/0/incomes", "{\"category\":\"WAGES\",\"monthlyAmount\":\"1.00\"}", "/members/0/incomes"),
                Arguments.of("unknown top-level field", "/isAdmin", "true", "/isAdmin"),
                Arguments.of("unknown member field", "/members/0/salary", "\"1.00\"", "/members/0/salary"),
                Arguments.of("unknown income field", "/members/0/incomes/0/currency", "\"USD\"", "/members/0/incomes/0/currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTypedSubmissions")
    void aWronglyTypedOrUnknownFieldIsA400ProblemNamingItAndNothingIsStored(String what, String field, String raw,
                                                                             String pointer) {
        String citizen = token("strict-citizen-" + SEQ.incrementAndGet(), "CITIZEN", "421303001");
        ObjectNode body = JSON.valueToTree(Requests.dibao(SEQ.get(), "800.00"));
        put(body, field, JSON.readTree(raw));

        var result = submit(citizen, JSON.writeValueAsString(body)).expectBody().returnResult();
        String answer = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
        assertThat(result.getStatus().value()).as(what + ": " + answer).isEqualTo(400);
        assertThat(result.getResponseHeaders().getContentType()).as(answer)
                .matches(t -> t.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(JSON.readTree(answer).path("errors").findValuesAsString("pointer")).as(what + ": " + answer)
                .contains(pointer);
        assertNothingStored(citizen);
    }

    @Test
    void aDuplicateKeyOrTrailingDataIsRefusedAndNothingIsStored() {
        String citizen = token("strict-citizen-dup", "CITIZEN", "421303001");
        String valid = JSON.writeValueAsString(Requests.dibao(SEQ.incrementAndGet(), "800.00"));
        for (String raw : List.of(
                "{\"truthfulnessCommitment\":false," + valid.substring(1),
                valid + "{}",
                valid + " x",
                "[" + valid + "]")) {
            submit(citizen, raw).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertNothingStored(citizen);
        // and the same body, well formed, is taken: the refusals above were about the form only
        submit(citizen, valid).expectStatus().isCreated();
    }

    static Stream<Arguments> badWithdrawals() {
        return Stream.of(
                Arguments.of("null", "null"),
                Arguments.of("a string", "\"情况好转\""),
                Arguments.of("an array", "[\"情况好转\"]"),
                Arguments.of("a number", "1"),
                Arguments.of("no reason", "{}"),
                Arguments.of("a blank reason", "{\"reason\":\"  \"}"),
                Arguments.of("a numeric reason", "{\"reason\":42}"),
                Arguments.of("a reason list", "{\"reason\":[\"x\"]}"),
                Arguments.of("an unknown field", "{\"reason\":\"情况好转\",\"force\":true}"),
                Arguments.of("an empty body", ""));
    }

    @ParameterizedTest(name = "withdrawal with {0}")
    @MethodSource("badWithdrawals")
    void aWithdrawalNeedsAnObjectWithAReasonOtherwiseA400ProblemAndTheCaseStays(String what, String raw) {
        String citizen = token("strict-withdrawer-" + SEQ.incrementAndGet(), "CITIZEN", "421303001");
        Map<String, Object> created = created(submit(citizen, JSON.writeValueAsString(Requests.dibao(SEQ.get(), "800.00"))));
        String number = (String) created.get("number");

        command(number, "withdrawal", citizen, raw, created.get("version"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400);
        http.get().uri("/api/v1/assistance/applications/" + number).header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SUBMITTED").jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void aWithdrawalWithAReasonIsCarriedOutAndTheReasonIsRecordedAndPublished() {
        String citizen = token("strict-withdrawer-ok", "CITIZEN", "421303001");
        Map<String, Object> created = created(submit(citizen, JSON.writeValueAsString(Requests.dibao(SEQ.incrementAndGet(), "800.00"))));
        String number = (String) created.get("number");

        command(number, "withdrawal", citizen, "{\"reason\":\"已找到工作\"}", created.get("version"))
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("WITHDRAWN")
                .jsonPath("$.history[-1].reason").isEqualTo("已找到工作");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            EventEnvelope withdrawn = eventsOf(number).stream()
                    .filter(e -> e.type().equals("minzheng.assistance.application.withdrawn.v1")).findFirst().orElseThrow();
            assertThat(withdrawn.data().get("reason").asString()).isEqualTo("已找到工作");
            assertThat(EventSchemaValidator.shared().validate(withdrawn)).isEmpty();
        });
    }

    @Test
    void aResumedBenefitIsPublishedAsResumedWithItsReason() {
        String number = activeCase(SEQ.incrementAndGet(), "strict-resumed-citizen", CLERK, APPROVER);
        Map<String, Object> c = get(number, APPROVER);
        Map<String, Object> suspended = post("/api/v1/assistance/applications/" + number + "/suspension", APPROVER,
                Map.of("reason", "未按时报告家庭变化"), c.get("version"));
        // a resumption needs written reasons too
        command(number, "resumption", APPROVER, "{}", suspended.get("version")).expectStatus().is4xxClientError()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> resumed = post("/api/v1/assistance/applications/" + number + "/resumption", APPROVER,
                Map.of("reason", "已补报, 恢复发放"), suspended.get("version"));
        assertThat(resumed.get("status")).isEqualTo("ACTIVE");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(number);
            assertThat(events).extracting(EventEnvelope::type).endsWith(
                    "minzheng.assistance.application.suspended.v1", "minzheng.assistance.application.resumed.v1");
            EventEnvelope last = events.get(events.size() - 1);
            assertThat(last.data().get("reason").asString()).isEqualTo("已补报, 恢复发放");
            assertThat(last.data().get("fromStatus").asString()).isEqualTo("SUSPENDED");
            assertThat(EventSchemaValidator.shared().validate(last)).isEmpty();
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    WebTestClient.ResponseSpec submit(String citizen, String raw) {
        return http.post().uri("/api/v1/assistance/applications").header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(raw.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    WebTestClient.ResponseSpec command(String number, String sub, String token, String raw, Object version) {
        return http.post().uri("/api/v1/assistance/applications/" + number + "/" + sub)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.IF_MATCH, "\"" + version + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(raw.getBytes(StandardCharsets.UTF_8)).exchange();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> created(WebTestClient.ResponseSpec spec) {
        return spec.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> get(String number, String token) {
        return http.get().uri("/api/v1/assistance/applications/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    void assertNothingStored(String citizen) {
        http.get().uri("/api/v1/assistance/applications/mine").header(HttpHeaders.AUTHORIZATION, "Bearer " + citizen)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    /** Sets the value at a JSON pointer whose parent exists (adding the last name if new). */
    static void put(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
