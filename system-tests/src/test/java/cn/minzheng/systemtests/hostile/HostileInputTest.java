package cn.minzheng.systemtests.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Json;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input against every endpoint family, generated from a fixed seed (so a failure replays):
 * malformed JSON, wrong types, oversized fields, invalid ID numbers and credit codes, injection-looking
 * strings, wrong methods and content types. Every answer must be a 4xx problem+json — never a 5xx,
 * never a success — and nothing is stored: the citizen's and the agent's counts stay as they were.
 */
@Tag("hostile")
@Order(20)
class HostileInputTest {

    static final long SEED = 20261121L;
    static final int ROUNDS = 12;

    /**
     * Injection-looking strings. In a path segment they are sent without slash, backslash, percent, semicolon or NUL: encoded,
     * those are refused by the gateway's request firewall with a bare 400 that is no problem+json
     * ({@code pending.FirewallRefusalProblemPendingTest}).
     */
    static final List<String> INJECTIONS = List.of("' OR '1'='1", "{\"$gt\": \"\"}", "$where: sleep(1000)",
            "<img src=x onerror=alert(1)>", "....\u2215etc\u2215passwd", "${jndi:ldap:127.0.0.1:1389}", "\u202e\u200b",
            "| rm -rf *", "{{7*7}}", "__proto__", "A".repeat(300));
    /** Bodies that are not JSON at all. */
    static final List<String> MALFORMED = List.of("{", "[", "{\"program\":", "{\"program\" \"DIBAO_URBAN\"}",
            "{\"a\":1}}", "{'single':'quotes'}", "\u00ff\u00fe{}", "{\"members\":[{]}", "tru",
            "{\"program\":\"DIBAO_URBAN\",}");
    /** JSON of the wrong shape for a creating request (a command may read some of these as "no body"). */
    static final List<String> WRONG_SHAPE = List.of("null", "\"just a string\"", "[1,2,3]", "42", "{}");

    static Gateway gateway;
    static Tokens tokens;
    static Cases cases;
    static String citizen;
    static String agent;
    static String auditor;
    static String ownCase;
    static final List<String> violations = new ArrayList<>();
    static final Random random = new Random(SEED);

    @BeforeAll
    static void people() {
        Platform platform = Platform.get();
        gateway = Gateway.of(platform);
        tokens = new Tokens(platform);
        cases = new Cases(gateway);
        String run = UUID.randomUUID().toString().substring(0, 8);
        citizen = tokens.of("hostile-citizen-" + run, "CITIZEN", Households.TOWNSHIP);
        agent = tokens.of("hostile-agent-" + run, "ORG_AGENT", "421303");
        auditor = tokens.of("hostile-auditor-" + run, "AUDITOR", "421303");
        ownCase = cases.submit(citizen, Households.dibao("900.00"));
    }

    @Test
    void everyHostileRequestIsA4xxProblemAndNothingIsStored() {
        int casesBefore = cases.countMine(citizen);
        long versionBefore = cases.read(ownCase, citizen).json().path("version").asLong();
        int orgApplicationsBefore = orgApplications();

        for (int round = 0; round < ROUNDS; round++) {
            // creating endpoints: every kind of bad body
            for (String body : badSubmissions()) {
                expectProblem(gateway.post(Cases.APPLICATIONS).token(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                        .raw("application/json", body));
            }
            for (String body : badFoundings()) {
                expectProblem(gateway.post("/api/v1/orgs/applications").token(agent)
                        .header("Idempotency-Key", UUID.randomUUID().toString()).raw("application/json", body));
            }
            // commands on the citizen's own case: unreadable bodies and no or stale versions
            expectProblem(gateway.post(Cases.APPLICATIONS + "/" + ownCase + "/resubmission").token(citizen)
                    .ifMatch(versionBefore).raw("application/json", pick(MALFORMED)));
            expectProblem(gateway.post(Cases.APPLICATIONS + "/" + ownCase + "/withdrawal").token(citizen)
                    .ifMatch(versionBefore).raw("application/json", pick(MALFORMED)));
            expectProblem(gateway.post(Cases.APPLICATIONS + "/" + ownCase + "/withdrawal").token(citizen)
                    .ifMatch(versionBefore + 100).json(Map.of("reason", "过期版本")));
            expectProblem(gateway.post(Cases.APPLICATIONS + "/" + ownCase + "/withdrawal").token(citizen)
                    .json(Map.of("reason", "没有 If-Match")));
            // identifiers that are not identifiers
            String junk = encode(pick(INJECTIONS));
            expectProblem(gateway.get(Cases.APPLICATIONS + "/" + junk).token(citizen));
            expectProblem(gateway.get("/api/v1/orgs/public/organizations/" + encode(badCreditCode())));
            expectProblem(gateway.get("/api/v1/audit/timeline/" + junk).token(auditor));
            expectProblem(gateway.get("/api/v1/audit/chains/" + junk + "/verification").token(auditor));
            // query parameters of the wrong type or size
            expectProblem(gateway.get(Cases.APPLICATIONS + "/mine?limit=" + encode(pick(List.of("-1", "abc", "100000", "1e9")))).token(citizen));
            expectProblem(gateway.get("/api/v1/audit/records?limit=" + encode(pick(List.of("0", "x", "99999")))).token(auditor));
            expectProblem(gateway.get("/api/v1/audit/records?from=" + encode(pick(INJECTIONS))).token(auditor));
            expectProblem(gateway.post("/api/v1/audit/verifications").token(auditor)
                    .json(Map.of("chain", pick(INJECTIONS), "fromSequence", -random.nextInt(1000))));
            // wrong methods and content types
            String method = pick(List.of("PUT", "DELETE", "PATCH"));
            expectProblem(gateway.call(method, pick(List.of(Cases.APPLICATIONS, "/api/v1/orgs/applications",
                    Cases.APPLICATIONS + "/" + ownCase))).token(method.equals("DELETE") ? citizen : citizen)
                    .raw("application/json", "{}"));
            expectProblem(gateway.post(Cases.APPLICATIONS).token(citizen).header("Idempotency-Key", UUID.randomUUID().toString())
                    .raw(pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")),
                            Json.write(Households.dibao("800.00"))));
        }

        List<String> found;
        synchronized (violations) {
            found = List.copyOf(violations);
        }
        assertThat(found).as("answers that were not a 4xx problem+json").isEmpty();
        assertThat(cases.countMine(citizen)).as("the citizen's cases").isEqualTo(casesBefore);
        assertThat(cases.read(ownCase, citizen).json().path("version").asLong()).as("the case's version").isEqualTo(versionBefore);
        assertThat(orgApplications()).as("the agent's applications").isEqualTo(orgApplicationsBefore);
    }

    /** Bad 低保 submissions: malformed, wrong types, oversized, bad ID numbers, injection strings. */
    private List<String> badSubmissions() {
        List<String> bodies = new ArrayList<>();
        bodies.add(pick(MALFORMED));
        bodies.add(pick(WRONG_SHAPE));
        Map<String, Object> wrongType = Households.dibao("800.00");
        // (a number or text as the yes/no truthfulness commitment: pending.LenientSubmissionPendingTest)
        wrongType.put(pick(List.of("program", "members", "regionCode")),
                pick(List.of(42, List.of(1, 2), Map.of("x", 1), "yes", -1.5)));
        bodies.add(Json.write(wrongType));
        Map<String, Object> oversized = Households.dibao("800.00");
        member(oversized).put("name", "张".repeat(5000 + random.nextInt(5000)));
        bodies.add(Json.write(oversized));
        Map<String, Object> badId = Households.dibao("800.00");
        String id = badIdNumber();
        badId.put("applicantIdNumber", id);
        member(badId).put("idNumber", id);
        bodies.add(Json.write(badId));
        Map<String, Object> injected = Households.dibao("800.00");
        injected.put("regionCode", pick(INJECTIONS));
        member(injected).put("idNumber", pick(INJECTIONS));
        bodies.add(Json.write(injected));
        Map<String, Object> money = Households.dibao(pick(List.of("-5", "NaN", "abc", "")));
        bodies.add(Json.write(money));
        return bodies;
    }

    /** Bad 成立登记 applications. */
    private List<String> badFoundings() {
        List<String> bodies = new ArrayList<>();
        bodies.add(pick(MALFORMED));
        bodies.add(pick(WRONG_SHAPE));
        Map<String, Object> founding = new LinkedHashMap<>();
        founding.put("authorityCode", pick(List.of("abc", "99999999", "' OR 1=1")));
        founding.put("type", pick(List.of("SOCIAL_GROUP", "NO_SUCH_TYPE", "")));
        founding.put("name", pick(List.of(Map.of("region", "随州市曾都区", "field", "科普", "form", "协会"), "just text")));
        founding.put("legalRepresentative", Map.of("name", pick(INJECTIONS), "idNumber", badIdNumber()));
        founding.put("funds", pick(List.of("-1", "abc", 3)));
        founding.put("members", Map.of("individuals", -random.nextInt(100), "units", "many"));
        bodies.add(Json.write(founding));
        return bodies;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> member(Map<String, Object> submission) {
        return ((List<Map<String, Object>>) submission.get("members")).get(0);
    }

    /** 18 characters that are not a valid 身份证号: wrong check digit, impossible date, letters. */
    private String badIdNumber() {
        String valid = Households.idNumber(1985);
        return switch (random.nextInt(4)) {
            case 0 -> valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
            case 1 -> valid.substring(0, 10) + "1399" + valid.substring(14);
            case 2 -> "ABCDEFGHIJKLMNOPQR";
            default -> valid.substring(0, 15);
        };
    }

    /** Not a valid 统一社会信用代码: wrong check character, wrong length, letters outside the alphabet. */
    private String badCreditCode() {
        return switch (random.nextInt(4)) {
            case 0 -> "51421303MJ0000012" + pick(List.of("Z", "I", "O"));
            case 1 -> "51421303MJ00";
            case 2 -> pick(INJECTIONS);
            default -> "5142130" + random.nextInt(10) + "MJ00000" + random.nextInt(10) + "IO";
        };
    }

    private void expectProblem(Gateway.Call call) {
        Answer answer = call.send();
        RunSummary.hostileInputTried();
        if (answer.status() < 400 || answer.status() > 499 || !answer.isProblem()) {
            synchronized (violations) {
                violations.add(call.describe() + "\n    → " + answer.status() + " " + answer.contentType() + " "
                        + (answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
            }
        }
    }

    private int orgApplications() {
        Answer answer = gateway.get("/api/v1/orgs/applications?size=100").token(agent).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("items").size();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
