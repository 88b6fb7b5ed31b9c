package cn.minzheng.assistance.web;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.fixtures.ActiveCaseFixture;
import cn.minzheng.assistance.recalculation.RecalculationRun;
import cn.minzheng.assistance.recalculation.RecalculationStore;
import cn.minzheng.assistance.recalculation.RecalculationWorkflow;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.assistance.standards.StandardStore;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 调标 through real HTTP: adding a standard starts its run; progress is readable; an APPROVER of the region
 * starts another (which changes nothing); the citizen's decision notice shows old → new with the formula;
 * bad requests are problems naming the field, changing nothing. Town 421303088 (its own standards), so no
 * other test's case is touched.
 */
class RecalculationApiTest extends ServiceTestBase {
    static final String TOWN = "421303088";
    static final String BASE = "/api/v1/assistance/standards";
    static final String ADMIN = token("admin-recalc", "ADMIN", "421303");
    static final String APPROVER = token("approver-recalc", "APPROVER", "421303");
    static final String FAR_APPROVER = token("approver-far", "APPROVER", "421381");
    static final String CLERK = token("clerk-recalc", "CLERK", "421303");

    @Autowired
    RecalculationWorkflow workflow;
    @Autowired
    RecalculationStore runs;
    @Autowired
    ApplicationStore cases;
    @Autowired
    StandardStore standards;
    @Autowired
    AssistanceProperties properties;
    @Autowired
    DeadlinePlanner planner;
    @Autowired
    CaseRules rules;

    @BeforeEach
    void startWhenAdded() {
        workflow.startWhenAdded(true);
    }

    @AfterEach
    void asConfigured() {
        workflow.startWhenAdded(false);
    }

    WebTestClient.ResponseSpec post(String path, String token, Object body) {
        var spec = http.post().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> body(WebTestClient.ResponseSpec spec, HttpStatus status) {
        return spec.expectStatus().isEqualTo(status).expectBody(Map.class).returnResult().getResponseBody();
    }

    String seedActive(int seq, int members, long wagesFen) {
        ActiveCaseFixture fixture = new ActiveCaseFixture(new EligibilityCalculator(standards.catalogue().block(),
                properties.eligibility()), planner, rules);
        AssistanceCase c = fixture.active(TOWN + "001-20260901-" + String.format("%04d", seq), Program.DIBAO_URBAN,
                TOWN + "001", members, wagesFen, LocalDate.of(2026, 9, 1), 800 + seq);
        // a seeded case without events: fixtures are not facts, nothing to publish
        return cases.insert(new Transitioned<>(c, List.<DomainEvent>of()), null).block().number();
    }

    @Test
    @SuppressWarnings("unchecked")
    void addingAStandardRecalculatesTheTownAndTheCitizenReadsTheChange() {
        String a = seedActive(1, 3, 1000_00);
        String b = seedActive(2, 1, 0);
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now(), AssistanceCase.CHINA)).plusMonths(1);
        Map<String, Object> added = body(post(BASE, ADMIN, Map.of("regionPrefix", TOWN, "kind", "DIBAO_URBAN",
                "effectiveFrom", month.toString(), "monthlyAmount", "720.00", "source", "某街道 " + month + " 起城市低保标准 720 元")),
                HttpStatus.CREATED);
        String standardId = TOWN + "-DIBAO_URBAN-" + month;
        assertThat(added.get("id")).isEqualTo(standardId);
        String runId = (String) added.get("recalculationId");
        assertThat(runId).isEqualTo(standardId + "-R1");

        String runPath = BASE + "/" + standardId + "/recalculations/" + runId;
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(body(get(runPath, CLERK), HttpStatus.OK).get("status")));
        Map<String, Object> run = body(get(runPath, APPROVER), HttpStatus.OK);
        assertThat(run).containsEntry("changed", 2).containsEntry("unchanged", 0).containsEntry("skipped", 0)
                .containsEntry("total", 2).containsEntry("processed", 2).containsEntry("percent", 100)
                .containsEntry("statusName", "调标已完成").containsEntry("trigger", RecalculationRun.STANDARD_ADDED)
                .containsEntry("effectiveMonth", month.toString()).containsEntry("standardAmount", "720.00");
        assertThat(run.get("finishedAt")).isNotNull();

        // the citizen's notice: old → new, the standard, the month, the formula with the figures, in Chinese
        String citizen = token(cases.find(a).block().ownerSubject(), "CITIZEN", TOWN);
        Map<String, Object> notice = body(get("/api/v1/assistance/applications/" + a + "/decision", citizen), HttpStatus.OK);
        List<Map<String, Object>> adjustments = (List<Map<String, Object>>) notice.get("standardAdjustments");
        assertThat(adjustments).hasSize(1);
        Map<String, Object> adj = adjustments.get(0);
        assertThat(adj).containsEntry("previousAmount", "1040.00").containsEntry("newAmount", "1160.00")
                .containsEntry("effectiveMonth", month.toString()).containsEntry("standardAmount", "720.00")
                .containsEntry("standardId", standardId)
                .containsEntry("formula", "720.00 × 3 − 1000.00 = 1160.00（标准 × 计入人口 − 计入家庭收入，单位：元）");
        assertThat((String) adj.get("text")).startsWith("因救助标准调整（某街道").contains("自 " + month + " 起")
                .contains("由每月 1040.00 元调整为每月 1160.00 元");
        assertThat((List<String>) adj.get("explanation")).last().asString()
                .isEqualTo("人均收入低于标准，按差额补足：720.00 × 3 − 1000.00 = 每月 1160.00 元。");

        // an APPROVER of the region runs it again: nothing changes, nothing is published twice
        Map<String, Object> again = body(post(BASE + "/" + standardId + "/recalculations", APPROVER, null), HttpStatus.ACCEPTED);
        assertThat(again.get("id")).isEqualTo(standardId + "-R2");
        String againPath = BASE + "/" + standardId + "/recalculations/" + again.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(body(get(againPath, CLERK), HttpStatus.OK).get("status")));
        assertThat(body(get(againPath, CLERK), HttpStatus.OK)).containsEntry("changed", 0).containsEntry("unchanged", 2);
        assertThat(cases.find(b).block().benefit().adjustments()).hasSize(1);
        List<Map<String, Object>> list = http.get().uri(BASE + "/" + standardId + "/recalculations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(list).extracting(m -> m.get("id")).containsExactly(runId, standardId + "-R2");
    }

    @Test
    void badRequestsAreProblemsNamingTheFieldAndChangeNothing() {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(now(), AssistanceCase.CHINA)).plusMonths(3);
        AssistanceStandard s = new AssistanceStandard(TOWN, StandardKind.DIBAO_RURAL, month, 650_00, "测试：农村标准");
        standards.add(s, "admin", "ADMIN", now()).block();
        String path = BASE + "/" + s.id() + "/recalculations";

        // malformed ids: 400 naming the path value
        post(BASE + "/421303-DIBAO-2027/recalculations", ADMIN, null).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/standardId")
                .jsonPath("$.errors[0].code").isEqualTo("STANDARD_ID_FORMAT")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("标准列表"));
        get(path + "/R1", CLERK).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/runId");
        // unknown standard, unknown run: 404 with what to do
        post(BASE + "/421303-DIBAO_URBAN-1999-01/recalculations", ADMIN, null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.code").isEqualTo("standard-not-found")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("421303-DIBAO_URBAN-1999-01").contains("核对编号"));
        get(path + "/" + s.id() + "-R9", CLERK).expectStatus().isNotFound().expectBody()
                .jsonPath("$.code").isEqualTo("recalculation-not-found");
        // roles and region: a clerk may read, not start; an approver of another county may not start
        post(path, CLERK, null).expectStatus().isForbidden();
        post(path, FAR_APPROVER, null).expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("recalculation-out-of-region")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("请由该地区的审批人或管理员办理"));

        // a run still held by a live instance: 409 saying what to do next; its resumption too
        RecalculationRun held = RecalculationRun.start(s.id() + "-R1", s, RecalculationRun.REQUESTED, "someone", now(), 7, 0);
        runs.insert(held, "another-instance", Instant.now().plus(Duration.ofMinutes(10))).block();
        post(path, ADMIN, null).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.code").isEqualTo("recalculation-running")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains(held.id()).contains("请等待其完成")
                        .contains("/api/v1/assistance/standards/" + s.id() + "/recalculations/" + held.id()));
        post(path + "/" + held.id() + "/resumption", ADMIN, null).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("recalculation-running");
        assertThat(runs.forStandard(s.id()).collectList().block()).extracting(RecalculationRun::id).containsExactly(held.id());
        assertThat(runs.find(held.id()).block()).isEqualTo(held);

        // a later standard of the same town and kind supersedes it: its run would overwrite newer amounts
        AssistanceStandard later = new AssistanceStandard(TOWN, StandardKind.DIBAO_RURAL, month.plusMonths(1), 660_00, "更晚");
        standards.add(later, "admin", "ADMIN", now()).block();
        AssistanceStandard older = new AssistanceStandard(TOWN, StandardKind.DIBAO_RURAL, month.minusMonths(1), 640_00, "更早");
        standards.add(older, "admin", "ADMIN", now()).block();
        post(BASE + "/" + older.id() + "/recalculations", ADMIN, null).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("standard-superseded");
        assertThat(runs.forStandard(older.id()).collectList().block()).isEmpty();

        // a completed run is not resumed
        String laterPath = BASE + "/" + later.id() + "/recalculations";
        Map<String, Object> started = body(post(laterPath, ADMIN, null), HttpStatus.ACCEPTED);
        String done = laterPath + "/" + started.get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(body(get(done, CLERK), HttpStatus.OK).get("status")));
        post(done + "/resumption", APPROVER, null).expectStatus().isEqualTo(HttpStatus.CONFLICT).expectBody()
                .jsonPath("$.code").isEqualTo("recalculation-completed")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("请开始一次新的运行"));
    }
}
