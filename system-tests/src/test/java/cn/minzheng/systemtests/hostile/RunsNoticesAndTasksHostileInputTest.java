package cn.minzheng.systemtests.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.OrgNames;
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
 * Hostile input against the endpoints added with 调标 runs, payment rolls, 拟列入告知 and zombie detection
 * (dormancy sweeps, inspection tasks), in the style of {@link HostileInputTest}: generated from a fixed seed
 * (printed with every failure, so a failure replays), malformed JSON, wrong shapes and types, injection
 * strings and junk ids in path and query, missing and stale If-Match, wrong roles (CITIZEN and ORG_AGENT
 * tokens on staff endpoints, staff of another region). Every answer must be a 4xx problem+json — never a
 * 5xx, never a success — and nothing changes: no 调标 run or standard is added, no payment batch drawn up,
 * no sweep started, no notice or task moves (read before and after with legitimate tokens).
 */
@Tag("hostile")
@Order(21)
class RunsNoticesAndTasksHostileInputTest {

    static final long SEED = 20261207L;
    static final int ROUNDS = 6;
    static final String COUNTY = Households.COUNTY;
    /** A region the county's staff do not serve. */
    static final String OTHER_REGION = "420100";
    static final String ASSISTANCE = "/api/v1/assistance";
    static final String ORGS = "/api/v1/orgs";
    /** A standard the devstack configures (assistance-service application.yml, 曾都区 2023 城市低保). */
    static final String STANDARD = COUNTY + "-DIBAO_URBAN-2023-01";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> ALL_DOCUMENTS = List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION",
            "PREMISES_PROOF", "OFFICER_IDS", "DRAFT_CHARTER");

    static Gateway gateway;
    static Tokens tokens;
    static String run;
    static String admin;
    static String clerk;
    static String auditor;
    static String registrar;
    static String inspector;
    static String citizen;
    static String agent;
    static String otherAgent;
    static String foreignApprover;
    static String foreignClerk;
    static String foreignRegistrar;
    static String foreignInspector;
    static String organization;
    static String batchId;
    static String month;
    static final List<String> violations = new ArrayList<>();
    static final Random random = new Random(SEED);

    @BeforeAll
    static void people() {
        Platform platform = Platform.get();
        gateway = Gateway.of(platform);
        tokens = new Tokens(platform);
        run = UUID.randomUUID().toString().substring(0, 8);
        admin = tokens.of("hostile2-admin-" + run, "ADMIN", COUNTY);
        clerk = tokens.of("hostile2-clerk-" + run, "CLERK", COUNTY);
        auditor = tokens.of("hostile2-auditor-" + run, "AUDITOR", COUNTY);
        registrar = tokens.of("hostile2-registrar-" + run, "REGISTRAR", COUNTY);
        inspector = tokens.of("hostile2-inspector-" + run, "INSPECTOR", COUNTY);
        citizen = tokens.of("hostile2-citizen-" + run, "CITIZEN", Households.TOWNSHIP);
        agent = tokens.of("hostile2-agent-" + run, "ORG_AGENT", COUNTY);
        otherAgent = tokens.of("hostile2-other-agent-" + run, "ORG_AGENT", COUNTY);
        foreignApprover = tokens.of("hostile2-foreign-approver-" + run, "APPROVER", OTHER_REGION);
        foreignClerk = tokens.of("hostile2-foreign-clerk-" + run, "CLERK", OTHER_REGION);
        foreignRegistrar = tokens.of("hostile2-foreign-registrar-" + run, "REGISTRAR", OTHER_REGION);
        foreignInspector = tokens.of("hostile2-foreign-inspector-" + run, "INSPECTOR", OTHER_REGION);
        organization = register();
        month = YearMonth.now(CHINA).toString();
        batchId = COUNTY + "-" + month;
    }

    // ---- assistance-service: 调标 runs, standards, payment batches ----------------------------------------

    @Test
    void hostileRequestsOnRecalculationsStandardsAndPaymentBatchesAreRefusedAndChangeNothing() {
        List<String> runsBefore = runs();
        int standardsBefore = standards();
        String batchBefore = batch();
        String recalculations = ASSISTANCE + "/standards/" + STANDARD + "/recalculations";

        for (int round = 0; round < ROUNDS; round++) {
            // a run started by someone who may not: applicants, readers, staff of another region
            for (String token : List.of(citizen, agent, clerk, auditor, foreignApprover)) {
                expectProblem(gateway.post(recalculations).token(token));
                expectProblem(gateway.post(recalculations + "/" + STANDARD + "-R1/resumption").token(token));
            }
            // progress read by applicants
            for (String token : List.of(citizen, agent)) {
                expectProblem(gateway.get(recalculations).token(token));
                expectProblem(gateway.get(recalculations + "/" + STANDARD + "-R1").token(token));
            }
            // identifiers that are not identifiers, for the one who may start runs
            String junk = encode(pick(HostileInputTest.INJECTIONS));
            expectProblem(gateway.post(ASSISTANCE + "/standards/" + junk + "/recalculations").token(admin));
            expectProblem(gateway.post(ASSISTANCE + "/standards/" + encode(pick(List.of("421303-DIBAO_URBAN-2023-13",
                    "421303-NO_SUCH-2023-01", "1-DIBAO_URBAN-2023-01", "421303-DIBAO_URBAN-2023-1"))) + "/recalculations").token(admin));
            expectProblem(gateway.post(ASSISTANCE + "/standards/429999-DIBAO_URBAN-2023-01/recalculations").token(admin));
            expectProblem(gateway.get(recalculations + "/" + junk).token(admin));
            expectProblem(gateway.get(recalculations + "/" + encode(pick(List.of(STANDARD + "-R", STANDARD + "-R1234567",
                    STANDARD + "-Rx", "421303-DIBAO_RURAL-2023-01-R1", STANDARD + "-R-1")))).token(clerk));
            expectProblem(gateway.get(recalculations + "/" + STANDARD + "-R" + (900000 + random.nextInt(99999))).token(clerk));
            expectProblem(gateway.post(recalculations + "/" + junk + "/resumption").token(admin));
            expectProblem(gateway.post(recalculations + "/" + STANDARD + "-R" + (900000 + random.nextInt(99999)) + "/resumption").token(admin));
            expectProblem(gateway.get(ASSISTANCE + "/standards/" + junk + "/recalculations").token(clerk));
            // new standards: unreadable, the wrong shape, one bad field each, or by a non-admin
            expectProblem(gateway.post(ASSISTANCE + "/standards").token(admin).raw("application/json", pick(HostileInputTest.MALFORMED)));
            expectProblem(gateway.post(ASSISTANCE + "/standards").token(admin).raw("application/json", pick(HostileInputTest.WRONG_SHAPE)));
            expectProblem(gateway.post(ASSISTANCE + "/standards").token(admin).json(badStandard()));
            expectProblem(gateway.post(ASSISTANCE + "/standards").token(pick(List.of(citizen, agent, clerk, foreignApprover)))
                    .json(standard()));
            // payment batches: unreadable bodies, bad regions and months, applicants and other regions
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches").token(clerk).raw("application/json", pick(HostileInputTest.MALFORMED)));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches").token(clerk).raw("application/json", pick(HostileInputTest.WRONG_SHAPE)));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches").token(clerk).json(badBatch()));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches").token(pick(List.of(citizen, agent, foreignClerk, foreignApprover)))
                    .json(Map.of("regionCode", COUNTY, "month", month)));
            expectProblem(gateway.get(ASSISTANCE + "/payment-batches/" + junk).token(clerk));
            expectProblem(gateway.get(ASSISTANCE + "/payment-batches/" + batchId).token(pick(List.of(citizen, agent, foreignClerk))));
            String command = pick(List.of("approval", "publication", "bank-file?format=csv"));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches/" + batchId + "/" + command).token(admin));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches/" + batchId + "/" + command).token(admin)
                    .header("If-Match", pick(List.of("\"abc\"", "W/\"-1\"", "*", "\"99999999999999999999\"", "' OR 1=1"))));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches/" + junk + "/" + command).token(admin).ifMatch(1));
            expectProblem(gateway.post(ASSISTANCE + "/payment-batches/" + batchId + "/bank-file?format=" + junk).token(admin).ifMatch(1));
        }

        assertNoViolations();
        assertThat(runs()).as("the standard's 调标 runs (seed %d)", SEED).isEqualTo(runsBefore);
        assertThat(standards()).as("the standards (seed %d)", SEED).isEqualTo(standardsBefore);
        assertThat(batch()).as("the county's payment batch of %s (seed %d)", month, SEED).isEqualTo(batchBefore);
    }

    // ---- org-service: 拟列入告知, dormancy sweeps, inspection tasks ---------------------------------------

    @Test
    void hostileRequestsOnListingNoticesSweepsAndInspectionTasksAreRefusedAndChangeNothing() {
        String noticesBefore = notices();
        String tasksBefore = tasks();
        String sweepId = "DS-" + COUNTY + "-" + orgToday();
        String sweepBefore = sweep(sweepId);
        String ownNotice = "LN-" + organization + "-1";
        String ownTask = "DT-" + organization + "-" + (orgToday().getYear() - 1);

        for (int round = 0; round < ROUNDS; round++) {
            String junk = encode(pick(HostileInputTest.INJECTIONS));
            // the organization's notices, read by someone else: another agent, a citizen, staff of another region
            for (String token : List.of(otherAgent, citizen, foreignRegistrar)) {
                expectProblem(gateway.get(ORGS + "/organizations/" + organization + "/listing-notices").token(token));
            }
            expectProblem(gateway.get(ORGS + "/organizations/" + junk + "/listing-notices").token(pick(List.of(registrar, agent))));
            expectProblem(gateway.get(ORGS + "/listing-notices/" + junk).token(pick(List.of(registrar, agent, citizen))));
            expectProblem(gateway.get(ORGS + "/listing-notices/" + ownNotice).token(pick(List.of(otherAgent, citizen, foreignRegistrar))));
            // statements and decisions: unreadable, wrong shapes, no or stale If-Match, the wrong role, junk ids
            for (String step : List.of("response", "acceptance", "rejection")) {
                String path = ORGS + "/listing-notices/" + pick(List.of(ownNotice, junk)) + "/" + step;
                String token = step.equals("response") ? agent : registrar;
                expectProblem(gateway.post(path).token(token).ifMatch(1).raw("application/json", pick(HostileInputTest.MALFORMED)));
                expectProblem(gateway.post(path).token(token).ifMatch(1).raw("application/json", pick(HostileInputTest.WRONG_SHAPE)));
                expectProblem(gateway.post(path).token(token).json(noticeBody(step)));
                expectProblem(gateway.post(path).token(token).header("If-Match", pick(List.of("\"abc\"", "W/\"-1\"", "*", "' OR 1=1")))
                        .json(noticeBody(step)));
                expectProblem(gateway.post(path).token(token).ifMatch(100 + random.nextInt(1000)).json(noticeBody(step)));
                expectProblem(gateway.post(path).token(pick(List.of(citizen, step.equals("response") ? registrar : agent,
                        foreignRegistrar, otherAgent))).ifMatch(1).json(noticeBody(step)));
                expectProblem(gateway.post(path).token(token).ifMatch(1).raw(pick(List.of("text/plain", "application/xml")),
                        Json.write(noticeBody(step))));
            }
            // dormancy sweeps: unreadable, bad authority codes, applicants and readers, another region
            expectProblem(gateway.post(ORGS + "/dormancy-sweeps").token(registrar).raw("application/json", pick(HostileInputTest.MALFORMED)));
            expectProblem(gateway.post(ORGS + "/dormancy-sweeps").token(registrar).raw("application/json", pick(HostileInputTest.WRONG_SHAPE)));
            expectProblem(gateway.post(ORGS + "/dormancy-sweeps").token(pick(List.of(registrar, inspector))).json(Map.of("authorityCode",
                    pick(List.of(pick(HostileInputTest.INJECTIONS), "4213", "4213030", "42130X", "", 421303, List.of(COUNTY), Map.of("$ne", ""))))));
            expectProblem(gateway.post(ORGS + "/dormancy-sweeps").token(pick(List.of(citizen, agent, auditor, clerk, foreignRegistrar, foreignInspector)))
                    .json(Map.of("authorityCode", COUNTY)));
            expectProblem(gateway.post(ORGS + "/dormancy-sweeps").token(pick(List.of(registrar, inspector))).json(Map.of("authorityCode", OTHER_REGION)));
            expectProblem(gateway.get(ORGS + "/dormancy-sweeps/" + junk).token(pick(List.of(registrar, auditor))));
            expectProblem(gateway.get(ORGS + "/dormancy-sweeps/" + sweepId).token(pick(List.of(citizen, agent))));
            // inspection tasks: bad queries, applicants, another region
            expectProblem(gateway.get(ORGS + "/inspection-tasks?authority=" + encode(pick(List.of(pick(HostileInputTest.INJECTIONS),
                    "4", "4213031", "abc", "421303001")))).token(registrar));
            expectProblem(gateway.get(ORGS + "/inspection-tasks?status=" + encode(pick(List.of("NO_SUCH", "open", "' OR 1=1", "{\"$ne\":1}"))))
                    .token(inspector));
            expectProblem(gateway.get(ORGS + "/inspection-tasks?size=" + encode(pick(List.of("abc", "1e9", "99999999999", "2.5"))))
                    .token(auditor));
            // out-of-range paging is refused (400 at /size), no longer clamped to 1..100
            expectProblem(gateway.get(ORGS + "/inspection-tasks?size=" + pick(List.of("-1", "0", "101", "100000"))).token(auditor));
            // NOT COVERED, open: a cursor that is no task id (?cursor=%7B%22%24gt%22%3A%20%22%22%7D, 300×"A") answers
            // 200 with an empty page instead of a 400 naming /cursor (harmless: only compared with $gt in the store)
            expectProblem(gateway.get(ORGS + "/inspection-tasks").token(pick(List.of(citizen, agent, clerk))));
            expectProblem(gateway.get(ORGS + "/inspection-tasks?authority=" + COUNTY).token(pick(List.of(foreignRegistrar, foreignInspector))));
            expectProblem(gateway.get(ORGS + "/inspection-tasks/" + junk).token(pick(List.of(registrar, inspector, auditor))));
            expectProblem(gateway.get(ORGS + "/inspection-tasks/" + ownTask).token(pick(List.of(citizen, agent, foreignInspector))));
            // closing a task: unreadable, wrong types, no or stale If-Match, not an inspector, junk ids
            String closing = ORGS + "/inspection-tasks/" + pick(List.of(ownTask, junk)) + "/closing";
            expectProblem(gateway.post(closing).token(inspector).ifMatch(1).raw("application/json", pick(HostileInputTest.MALFORMED)));
            expectProblem(gateway.post(closing).token(inspector).ifMatch(1).raw("application/json", pick(HostileInputTest.WRONG_SHAPE)));
            expectProblem(gateway.post(closing).token(inspector).ifMatch(1).json(badClosing()));
            expectProblem(gateway.post(closing).token(inspector).json(Map.of("findings", "没有 If-Match", "dormant", true)));
            expectProblem(gateway.post(closing).token(inspector).header("If-Match", pick(List.of("\"abc\"", "W/\"-1\"", "*")))
                    .json(Map.of("findings", "坏的 If-Match", "dormant", false)));
            expectProblem(gateway.post(closing).token(pick(List.of(citizen, agent, registrar, auditor, foreignInspector))).ifMatch(1)
                    .json(Map.of("findings", "无权核查", "dormant", true)));
        }

        assertNoViolations();
        assertThat(notices()).as("the organization's listing notices (seed %d)", SEED).isEqualTo(noticesBefore);
        assertThat(tasks()).as("the county's inspection tasks (seed %d)", SEED).isEqualTo(tasksBefore);
        assertThat(sweep(sweepId)).as("today's dormancy sweep of the county (seed %d)", SEED).isEqualTo(sweepBefore);
    }

    // ---- bodies ------------------------------------------------------------------------------------

    /** A well-formed standard, for callers who may not add one. */
    private Map<String, Object> standard() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("regionPrefix", COUNTY);
        s.put("kind", "DIBAO_URBAN");
        s.put("effectiveFrom", "2031-0" + (1 + random.nextInt(9)));
        s.put("monthlyAmount", "999.00");
        s.put("source", "恶意测试 " + run);
        return s;
    }

    /** A standard with one field of the wrong kind, so that even ADMIN's request is refused. */
    private Map<String, Object> badStandard() {
        Map<String, Object> s = standard();
        switch (random.nextInt(5)) {
            case 0 -> s.put("regionPrefix", pick(List.of(pick(HostileInputTest.INJECTIONS), "4", "4213030012345", 421303)));
            case 1 -> s.put("kind", pick(List.of("NO_SUCH", "", 3, List.of("DIBAO_URBAN"))));
            case 2 -> s.put("effectiveFrom", pick(List.of("2031-13", "2031-1", "' OR 1=1", "2031-01-01", "")));
            case 3 -> s.put("monthlyAmount", pick(List.of("-1", "0", "abc", "NaN", "1e9", "100000.01", "1.234")));
            default -> s.put("source", pick(List.of("", "  ", "源".repeat(501 + random.nextInt(500)))));
        }
        return s;
    }

    private Map<String, Object> badBatch() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("regionCode", COUNTY);
        b.put("month", month);
        switch (random.nextInt(3)) {
            case 0 -> b.put("regionCode", pick(List.of(pick(HostileInputTest.INJECTIONS), "4213", "", 421303, OTHER_REGION + "X")));
            case 1 -> b.put("month", pick(List.of("2026-13", "2099-01", "' OR 1=1", "", "2026/10", "1900-01")));
            default -> b.put(pick(List.of("regionCode", "month")), pick(List.of(List.of(1), Map.of("$gt", ""))));
        }
        return b;
    }

    private Map<String, Object> noticeBody(String step) {
        String text = pick(HostileInputTest.INJECTIONS);
        return step.equals("response") ? Map.of("statement", text, "reasons", text) : Map.of("reasons", text);
    }

    private Map<String, Object> badClosing() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("findings", pick(List.of(pick(HostileInputTest.INJECTIONS), 42, List.of("x"))));
        b.put("dormant", pick(List.of("yes", 1, "", Map.of("a", 1), List.of(true))));
        return b;
    }

    // ---- reads with legitimate tokens ---------------------------------------------------------------

    private List<String> runs() {
        Answer answer = gateway.get(ASSISTANCE + "/standards/" + STANDARD + "/recalculations").token(admin).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.json().forEach(r -> ids.add(r.path("id").asString()));
        return ids;
    }

    private int standards() {
        Answer answer = gateway.get(ASSISTANCE + "/standards").token(clerk).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().size();
    }

    /** The batch's status and version, or that there is none. */
    private String batch() {
        Answer answer = gateway.get(ASSISTANCE + "/payment-batches/" + batchId).token(clerk).send();
        assertThat(answer.status()).as(answer.toString()).isIn(200, 404);
        return answer.status() == 404 ? "none" : answer.text("status") + " v" + answer.json().path("version").asLong();
    }

    private String notices() {
        Answer answer = gateway.get(ORGS + "/organizations/" + organization + "/listing-notices").token(agent).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    /** Every task of the county: ids, statuses and versions. */
    private String tasks() {
        StringBuilder all = new StringBuilder();
        String cursor = null;
        do {
            Answer answer = gateway.get(ORGS + "/inspection-tasks?authority=" + COUNTY + "&size=100"
                    + (cursor == null ? "" : "&cursor=" + encode(cursor))).token(registrar).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            answer.json().path("items").forEach(t -> all.append(t.path("id").asString()).append(' ')
                    .append(t.path("status").asString()).append(" v").append(t.path("version").asLong()).append('\n'));
            var next = answer.json().path("nextCursor");
            cursor = next.isMissingNode() || next.isNull() || next.asString().isEmpty() ? null : next.asString();
        } while (cursor != null);
        return all.toString();
    }

    private String sweep(String id) {
        Answer answer = gateway.get(ORGS + "/dormancy-sweeps/" + id).token(registrar).send();
        assertThat(answer.status()).as(answer.toString()).isIn(200, 404);
        return answer.status() + " " + (answer.status() == 200 ? answer.body() : "");
    }

    /** org-service's business clock's day (the devstack's clock may have been moved by other tests). */
    private LocalDate orgToday() {
        Answer clock = gateway.get(ORGS + "/admin/clock").token(admin).send();
        assertThat(clock.status()).as(clock.toString()).isEqualTo(200);
        return LocalDate.ofInstant(Instant.parse(clock.text("now")), CHINA);
    }

    /** A 社会团体 of this run, registered by {@code agent} (as in the organization scenario). */
    private static String register() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityCode", COUNTY);
        body.put("type", "SOCIAL_GROUP");
        body.put("name", Map.of("region", "随州市曾都区", "field", "科普" + OrgNames.distinctive(), "form", "协会"));
        body.put("residence", "随州市曾都区烈山大道1号");
        body.put("purpose", "服务会员，普及科学知识");
        body.put("businessScope", "科普交流");
        body.put("activityArea", "曾都区");
        body.put("legalRepresentative", Map.of("name", "王小明", "idNumber", Households.idNumber(1975)));
        body.put("funds", "30000.00");
        body.put("fundsInCash", true);
        body.put("sponsorUnit", "曾都区科协");
        body.put("members", Map.of("individuals", 60, "units", 0));
        body.put("documents", ALL_DOCUMENTS);
        Answer applied = gateway.post(ORGS + "/applications").token(agent).header("Idempotency-Key", UUID.randomUUID().toString())
                .json(body).send();
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String application = applied.text("id");
        for (String step : List.of("acceptance", "approval")) {
            Answer current = gateway.get(ORGS + "/applications/" + application).token(registrar).send();
            assertThat(current.status()).as(current.toString()).isEqualTo(200);
            Answer answer = gateway.post(ORGS + "/applications/" + application + "/" + step).token(registrar)
                    .ifMatch(current.json().path("version").asLong()).send();
            assertThat(answer.status()).as(step + ": " + answer).isEqualTo(200);
        }
        return applied.text("organizationId");
    }

    // ---- checking -------------------------------------------------------------------------------------

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

    private static void assertNoViolations() {
        List<String> found;
        synchronized (violations) {
            found = List.copyOf(violations);
            violations.clear();
        }
        assertThat(found).as("answers that were not a 4xx problem+json (seed %d)", SEED).isEmpty();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
