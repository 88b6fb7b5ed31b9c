package cn.minzheng.org.spotcheck;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 双随机、一公开 through the API: draw (seed by the server, pool from the roster), replay by an auditor,
 * results by the drawn inspectors, publication; one draw per authority, year and type; a redraw only by a
 * REGISTRAR/ADMIN with a written reason, both draws public. Each test draws its own year.
 */
class SpotCheckApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421381";
    private static final String SPOT_CHECKS = "/api/v1/orgs/spot-checks";
    private static boolean seeded;

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String inspector = token("sc-inspector-1", "INSPECTOR", AUTHORITY);
    private final String registrar = token("sc-registrar", "REGISTRAR", AUTHORITY);
    private final String auditor = token("sc-auditor", "AUDITOR", "4213");

    /** The roster OrgServiceTestBase configures for {@value #AUTHORITY}, as resolved for the social groups drawn from. */
    private static final Map<String, Set<String>> ROSTER_CONFLICTS = Map.of("sc-inspector-1", Set.of("ORG-SC-03"),
            "sc-inspector-2", Set.of(), "sc-inspector-3", Set.of("ORG-SC-05"), "sc-inspector-4", Set.of());

    private synchronized void seedRegistry() {
        if (seeded) {
            return;
        }
        for (int i = 1; i <= 12; i++) {
            OrganizationType type = i <= 10 ? OrganizationType.SOCIAL_GROUP : OrganizationType.PRIVATE_NON_ENTERPRISE;
            Particulars p = new Particulars(type, new OrganizationName("广水市", "", "领域" + i, type == OrganizationType.SOCIAL_GROUP ? "协会" : "中心"),
                    "广水1号", "宗旨", "范围", "广水市", new Person("陈二", "42138119800101" + (1000 + i)), 3_000_000L, true, null,
                    null, "广水市科协", new Members(60, 0), List.of(), Set.of());
            String code = new CreditCodeIssuance("MJ").issue(type, AUTHORITY, 800_000 + i).value();
            // ORG-SC-09 registered a month ago: left out by the configured exclusion (< 6 months), recorded with the draw
            LocalDate registeredOn = i == 9 ? LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1) : LocalDate.of(2020, 1, 1);
            Organization o = Organization.register(String.format("ORG-SC-%02d", i), code, AUTHORITY, p, registeredOn).next();
            if (i == 10) {
                o = o.listing(true, false, "abnormal-listed", "未按时报送年度报告").next();   // not in good standing: drawn from all the same (#18 item 7)
            }
            registrations.insert(o, "agent-sc", List.of(), List.of()).block();
        }
        // the roster's 回避 entries name ORG-SC-03 by credit code and ORG-SC-05 by its legal representative's 身份证
        assertThat(new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY, 800_003).value()).isEqualTo("51421381MJ00TTEH5A");
        seeded = true;
    }

    private WebTestClient.ResponseSpec post(String bearer, String uri, Object body) {
        return client().post().uri(uri).header("Authorization", "Bearer " + bearer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static Map<String, Object> drawBody(int year, int ratio) {
        return new LinkedHashMap<>(Map.of("authorityCode", AUTHORITY, "year", year, "ratioBasisPoints", ratio,
                "types", List.of("SOCIAL_GROUP")));
    }

    /** A first draw of the social groups of {@code year}. */
    private JsonNode draw(int year, int ratio) {
        return post(inspector, SPOT_CHECKS, drawBody(year, ratio))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode replay(String id) {
        return client().post().uri(SPOT_CHECKS + "/" + id + "/replay").header("Authorization", "Bearer " + auditor)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode get(String id) {
        return client().get().uri(SPOT_CHECKS + "/" + id).header("Authorization", "Bearer " + auditor)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode publicListEntry(String id) {
        JsonNode list = client().get().uri("/api/v1/orgs/public/spot-checks?authority=" + AUTHORITY + "&size=100").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        for (JsonNode p : list.get("items")) {
            if (p.get("id").asString().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private static List<Inspector> recordedPool(JsonNode plan) {
        List<Inspector> pool = new ArrayList<>();
        plan.get("inspectorPool").forEach(i -> {
            Set<String> conflicts = new HashSet<>();
            i.get("conflictsWith").forEach(c -> conflicts.add(c.asString()));
            pool.add(new Inspector(i.get("id").asString(), conflicts));
        });
        return pool;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** Each drawn organization's result recorded by its first inspector (the first with problems); the last version. */
    private long recordEveryResult(JsonNode plan) {
        String id = plan.get("id").asString();
        long version = plan.get("version").asLong();
        int i = 0;
        for (JsonNode d : plan.get("drawn")) {
            String org = d.get("organizationId").asString();
            String by = d.get("inspectors").get(0).asString();
            boolean problems = i++ == 0;
            JsonNode after = client().post().uri(SPOT_CHECKS + "/" + id + "/results")
                    .header("Authorization", "Bearer " + token(by, "INSPECTOR", AUTHORITY)).header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(problems ? Map.of("organizationId", org, "problemsFound", true, "findings", "财务制度不健全")
                            : Map.of("organizationId", org, "problemsFound", false))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            version = after.get("version").asLong();
            awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_RESULT_RECORDED) && e.subject().equals(id)
                    && org.equals(e.data().get("changes").get("organizationId").asString()));
        }
        return version;
    }

    @Test
    void aDrawIsReproducibleResultsAreRecordedByTheDrawnInspectorsAndPublished() {
        seedRegistry();
        JsonNode plan = draw(2025, 3000);
        String id = plan.get("id").asString();
        assertThat(plan.get("method").asString()).isEqualTo(SeededDraw.METHOD);
        String seed = plan.get("seed").asString();
        assertThat(seed).as("the server's seed: 128 random bits").matches("[0-9a-f]{32}");
        // #18 item 7: every registrant (10 social groups, one on the 异常名录 among them), minus the configured
        // exclusion (ORG-SC-09, registered a month ago), recorded with the draw
        assertThat(plan.get("populationSize").asInt()).isEqualTo(9);
        List<String> population = strings(plan.get("population"));
        assertThat(population).contains("ORG-SC-10").doesNotContain("ORG-SC-09", "ORG-SC-11", "ORG-SC-12").hasSize(9);
        JsonNode filters = plan.get("filters");
        assertThat(filters.get("population").asString()).isEqualTo("ALL_REGISTRANTS");
        assertThat(filters.get("registrants").asInt()).isEqualTo(10);
        assertThat(filters.get("excludedCount").asInt()).isEqualTo(1);
        assertThat(filters.get("exclusions").get(0).get("rule").asString()).isEqualTo("REGISTERED_WITHIN_MONTHS");
        assertThat(filters.get("exclusions").get(0).get("source").asString()).isNotBlank();
        assertThat(filters.get("exclusions").get(0).get("organizations").findValuesAsString("organizationId")).containsExactly("ORG-SC-09");
        // the pool is the configured roster, its 回避 entries resolved to the organizations of this population
        Map<String, Set<String>> pool = new LinkedHashMap<>();
        recordedPool(plan).forEach(i -> pool.put(i.id(), i.conflictsWith()));
        assertThat(pool).isEqualTo(ROSTER_CONFLICTS);
        JsonNode drawn = plan.get("drawn");
        assertThat(drawn.size()).isEqualTo(3);                          // 30 % of 9
        drawn.forEach(d -> {
            assertThat(d.get("inspectors").size()).isEqualTo(2);
            if (d.get("organizationId").asString().equals("ORG-SC-03")) {
                assertThat(d.get("inspectors").toString()).doesNotContain("sc-inspector-1");
            }
            if (d.get("organizationId").asString().equals("ORG-SC-05")) {
                assertThat(d.get("inspectors").toString()).doesNotContain("sc-inspector-3");
            }
        });
        // the same draw computed without the service, from what was recorded
        var expected = SeededDraw.assignInspectors(seed, SeededDraw.drawOrganizations(seed, population, 3), recordedPool(plan), 2);
        drawn.forEach(d -> assertThat(strings(d.get("inspectors"))).isEqualTo(expected.get(d.get("organizationId").asString())));

        EventEnvelope drawnEvent = awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_PLAN_DRAWN) && e.subject().equals(id));
        assertThat(drawnEvent.data().get("seed").asString()).isEqualTo(seed);
        assertThat(drawnEvent.data().get("selected").size()).isEqualTo(3);

        JsonNode replay = replay(id);
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("replayed")).isEqualTo(replay.get("recorded"));
        assertThat(replay.get("populationDigest").asString()).isEqualTo(drawnEvent.data().get("populationDigest").asString())
                .isEqualTo(replay.get("replayedPopulationDigest").asString()).isEqualTo(SeededDraw.populationDigest(population));
        assertThat(drawnEvent.data().get("populationSize").asInt()).isEqualTo(9);
        assertThat(drawnEvent.data().get("population").size()).as("a small population is listed too").isEqualTo(9);
        // another region's auditor: the plan answers as a missing one (issue 16 item 1)
        client().post().uri(SPOT_CHECKS + "/" + id + "/replay").header("Authorization", "Bearer " + token("a2", "AUDITOR", "3301"))
                .exchange().expectStatus().isNotFound();

        // not public before publication
        client().get().uri("/api/v1/orgs/public/spot-checks/" + id).exchange().expectStatus().isNotFound();

        long version = plan.get("version").asLong();
        JsonNode first = drawn.get(0);
        String notAssigned = ROSTER_CONFLICTS.keySet().stream().sorted()
                .filter(i -> !first.get("inspectors").toString().contains("\"" + i + "\"")).findFirst().orElseThrow();
        client().post().uri(SPOT_CHECKS + "/" + id + "/results").header("Authorization", "Bearer " + token(notAssigned, "INSPECTOR", AUTHORITY))
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", first.get("organizationId").asString(), "problemsFound", false))
                .exchange().expectStatus().isEqualTo(422).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).contains("/inspectorId"));
        client().post().uri(SPOT_CHECKS + "/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isEqualTo(422)
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("code").asString()).isEqualTo("results-missing"));

        version = recordEveryResult(plan);
        client().post().uri(SPOT_CHECKS + "/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + (version - 1) + "\"").exchange().expectStatus().isEqualTo(412);
        client().post().uri(SPOT_CHECKS + "/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isOk();
        awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_PUBLISHED) && e.subject().equals(id));

        JsonNode mine = publicListEntry(id);
        assertThat(mine).isNotNull();
        assertThat(mine.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(mine.get("seed").asString()).isEqualTo(seed);
        assertThat(mine.get("results").size()).isEqualTo(3);
        assertThat(mine.get("results").findValuesAsString("result")).containsExactlyInAnyOrder("PROBLEMS_FOUND", "NO_PROBLEMS", "NO_PROBLEMS");
        assertThat(mine.get("results").get(0).get("organizationName").asString()).startsWith("广水市领域");
        assertThat(mine.toString()).doesNotContain("sc-inspector");
        // the published draw shows whom the exclusions left out, why and under which source
        assertThat(mine.get("registrants").asInt()).isEqualTo(10);
        JsonNode exclusion = mine.get("exclusions").get(0);
        assertThat(exclusion.get("reason").asString()).isEqualTo("抽取日前成立不满6个月");
        assertThat(exclusion.get("count").asInt()).isEqualTo(1);
        assertThat(exclusion.get("organizations").get(0).get("organizationName").asString()).isEqualTo("广水市领域9协会");
        assertThat(exclusion.get("source").asString()).contains("本地做法");
    }

    @Test
    void theReplayIsIdenticalAndAnAlteredRecordIsFound() {
        seedRegistry();
        JsonNode plan = draw(2024, 3000);
        String id = plan.get("id").asString();
        assertThat(replay(id).get("identical").asBoolean()).isTrue();

        String someOrg = plan.get("drawn").get(0).get("organizationId").asString();
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("assignments." + someOrg, List.of("sc-inspector-1", "x")),
                SpotCheckStore.PLANS).block();
        assertThat(replay(id).get("identical").asBoolean()).isFalse();
    }

    @Test
    void aPopulationAlteredAfterTheDrawIsFoundByItsDigest() {
        seedRegistry();
        JsonNode plan = draw(2023, 3000);
        String id = plan.get("id").asString();
        String notDrawn = null;
        for (JsonNode n : plan.get("population")) {
            String o = n.asString();
            if (!plan.get("drawn").findValuesAsString("organizationId").contains(o)) {
                notDrawn = o;
            }
        }
        assertThat(notDrawn).isNotNull();
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().pull("population", notDrawn), SpotCheckStore.PLANS).block();
        JsonNode r = replay(id);
        assertThat(r.get("populationDigest").asString()).isEqualTo(plan.get("populationDigest").asString());
        assertThat(r.get("replayedPopulationDigest").asString()).isNotEqualTo(r.get("populationDigest").asString());
        assertThat(r.get("identical").asBoolean()).isFalse();
    }

    @Test
    void aRatioBelowTheLegalMinimumATooSmallRosterOrAWrongRoleIsRefusedAndNothingIsStored() {
        seedRegistry();
        long before = mongo.count(new Query(Criteria.where("authorityCode").in(AUTHORITY, "421321")), SpotCheckStore.PLANS).block();
        post(inspector, SPOT_CHECKS, drawBody(2022, 299))
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).contains("/ratioBasisPoints"));
        post(token("sc-lonely-inspector", "INSPECTOR", "421321"), SPOT_CHECKS, Map.of("authorityCode", "421321", "year", 2022))
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("code").asString()).isEqualTo("too-few-inspectors");
                    assertThat(b.get("errors").findValuesAsString("message").get(0)).contains("名录不足2名", "补充");
                });
        post(token("agent-x", "ORG_AGENT", AUTHORITY), SPOT_CHECKS, drawBody(2022, 300)).expectStatus().isForbidden();
        post(token("insp-far", "INSPECTOR", "330100"), SPOT_CHECKS, drawBody(2022, 300)).expectStatus().isForbidden();
        assertThat(mongo.count(new Query(Criteria.where("authorityCode").in(AUTHORITY, "421321")), SpotCheckStore.PLANS).block())
                .isEqualTo(before);
    }

    /** Issue 14: an inspector tries to bend the draw — chosen seed, chosen pool, a second draw, a redraw. Every one fails. */
    @Test
    void anInspectorCannotChooseTheSeedNorThePoolNorDrawAgainNorRedraw() {
        seedRegistry();
        int year = 2021;
        Query plansOfYear = new Query(Criteria.where("authorityCode").is(AUTHORITY).and("year").is(year));

        Map<String, Object> withSeed = drawBody(year, 3000);
        withSeed.put("seed", "tried-offline-until-ORG-SC-04-is-not-drawn");
        post(inspector, SPOT_CHECKS, withSeed).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("errors").size()).isEqualTo(1);
                    JsonNode e = b.get("errors").get(0);
                    assertThat(e.get("pointer").asString()).isEqualTo("/seed");
                    assertThat(e.get("code").asString()).isEqualTo("seed-not-accepted");
                    assertThat(e.get("message").asString()).contains("只能由系统生成", "请删除随机种子（/seed）后重新提交");
                });
        client().post().uri(SPOT_CHECKS).header("Authorization", "Bearer " + inspector).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(withSeed).exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("errors").get(0).get("message").asString())
                        .contains("server draws the seed", "remove seed"));

        Map<String, Object> withPool = drawBody(year, 3000);
        withPool.put("inspectors", List.of(Map.of("id", "sc-inspector-1", "conflictsWith", List.of()),
                Map.of("id", "sc-inspector-3", "conflictsWith", List.of())));
        post(inspector, SPOT_CHECKS, withPool).expectStatus().isBadRequest().expectBody(JsonNode.class).value(b -> {
            assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/inspectors");
            assertThat(b.get("errors").get(0).get("code").asString()).isEqualTo("inspectors-not-accepted");
            assertThat(b.get("errors").get(0).get("message").asString()).contains("执法检查人员名录", "请删除检查人员（/inspectors）后重新提交");
        });
        Map<String, Object> emptyButPresent = drawBody(year, 3000);
        emptyButPresent.put("seed", "");
        emptyButPresent.put("inspectors", List.of());
        post(inspector, SPOT_CHECKS, emptyButPresent).expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/seed", "/inspectors"));
        assertThat(mongo.count(plansOfYear, SpotCheckStore.PLANS).block()).as("nothing stored").isZero();

        JsonNode plan = draw(year, 3000);
        String id = plan.get("id").asString();
        assertThat(plan.get("seed").asString()).matches("[0-9a-f]{32}");
        Map<String, Set<String>> pool = new LinkedHashMap<>();
        recordedPool(plan).forEach(i -> pool.put(i.id(), i.conflictsWith()));
        assertThat(pool).as("the roster with its 回避 entries, never a pool of the caller's").isEqualTo(ROSTER_CONFLICTS);

        // a second draw of the same slot — by the inspector, by a registrar, or of every type (overlapping) — is refused
        for (var attempt : List.of(Map.entry(inspector, drawBody(year, 3000)), Map.entry(registrar, drawBody(year, 5000)),
                Map.entry(inspector, Map.<String, Object>of("authorityCode", AUTHORITY, "year", year)))) {
            post(attempt.getKey(), SPOT_CHECKS, attempt.getValue()).expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class).value(b -> {
                        assertThat(b.get("code").asString()).isEqualTo("spot-check-already-drawn");
                        assertThat(b.get("detail").asString()).contains(id, "登记管理人员", "管理员", "书面理由", "/redraw");
                    });
        }
        // another type of the same year is a slot of its own
        JsonNode others = post(inspector, SPOT_CHECKS, Map.of("authorityCode", AUTHORITY, "year", year, "types", List.of("PRIVATE_NON_ENTERPRISE")))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(others.get("population").toString()).contains("ORG-SC-11", "ORG-SC-12").doesNotContain("ORG-SC-01\"");

        post(inspector, SPOT_CHECKS + "/" + id + "/redraw", Map.of("reason", "抽中的组织与我熟悉，重新抽取")).expectStatus().isForbidden();
        JsonNode after = get(id);
        assertThat(after.get("status").asString()).isEqualTo("DRAWN");
        assertThat(after.get("lineage").get("supersededBy").isNull()).isTrue();
        assertThat(mongo.count(plansOfYear, SpotCheckStore.PLANS).block()).isEqualTo(2);
        assertThat(replay(id).get("identical").asBoolean()).isTrue();
    }

    @Test
    void twoDrawsOfTheSameSlotAtOnceGiveOnePlan() {
        seedRegistry();
        int year = 2019;
        List<CompletableFuture<Integer>> racing = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() ->
                post(token("sc-inspector-" + n, "INSPECTOR", AUTHORITY), SPOT_CHECKS, drawBody(year, 3000))
                        .returnResult(JsonNode.class).getStatus().value())).toList();
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(201, 409);
        assertThat(mongo.count(new Query(Criteria.where("authorityCode").is(AUTHORITY).and("year").is(year)), SpotCheckStore.PLANS).block())
                .isEqualTo(1);
    }

    @Test
    void aRegistrarRedrawsWithAWrittenReasonAndBothDrawsStayPublic() {
        seedRegistry();
        int year = 2020;
        JsonNode first = draw(year, 3000);
        String firstId = first.get("id").asString();
        String redrawUri = SPOT_CHECKS + "/" + firstId + "/redraw";

        post(registrar, redrawUri, Map.of("reason", "  ")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody(JsonNode.class).value(b -> {
                    assertThat(b.get("errors").findValuesAsString("pointer")).containsExactly("/reason");
                    assertThat(b.get("errors").get(0).get("message").asString()).contains("书面理由", "公开");
                });
        assertThat(get(firstId).get("status").asString()).isEqualTo("DRAWN");

        String reason = "原抽取时名录未更新：一名检查人员已调离，依规重新抽取";
        JsonNode redraw = post(registrar, redrawUri, Map.of("reason", reason)).expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/spot-checks/SC-421381-2020-[0-9A-F]{8}")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String redrawId = redraw.get("id").asString();
        assertThat(redrawId).isNotEqualTo(firstId);
        assertThat(redraw.get("seed").asString()).matches("[0-9a-f]{32}").isNotEqualTo(first.get("seed").asString());
        assertThat(redraw.get("lineage").get("generation").asInt()).isEqualTo(1);
        assertThat(redraw.get("lineage").get("redrawOf").asString()).isEqualTo(firstId);
        assertThat(redraw.get("lineage").get("redrawReason").asString()).isEqualTo(reason);
        assertThat(strings(redraw.get("types"))).containsExactly("SOCIAL_GROUP");
        assertThat(redraw.get("ratioBasisPoints").asInt()).isEqualTo(3000);

        JsonNode superseded = get(firstId);
        assertThat(superseded.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("lineage").get("supersededBy").asString()).isEqualTo(redrawId);
        assertThat(superseded.get("lineage").get("supersededReason").asString()).isEqualTo(reason);
        assertThat(superseded.get("drawn")).as("the first draw is kept as drawn").isEqualTo(first.get("drawn"));

        // the redraw goes through the outbox as a plan-drawn event naming the plan it replaced, with the reason
        EventEnvelope event = awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_PLAN_DRAWN) && e.subject().equals(redrawId));
        assertThat(event.data().get("redrawOf").asString()).isEqualTo(firstId);
        assertThat(event.data().get("reason").asString()).isEqualTo(reason);
        assertThat(event.data().get("seed").asString()).isEqualTo(redraw.get("seed").asString());
        assertThat(event.actorRole()).isEqualTo("REGISTRAR");

        // both replay identical
        assertThat(replay(firstId).get("identical").asBoolean()).isTrue();
        assertThat(replay(redrawId).get("identical").asBoolean()).isTrue();

        // the replaced draw is public at once, with the reason and the redraw that replaced it
        JsonNode publicFirst = publicListEntry(firstId);
        assertThat(publicFirst).isNotNull();
        assertThat(publicFirst.get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(publicFirst.get("seed").asString()).isEqualTo(first.get("seed").asString());
        assertThat(publicFirst.get("supersededBy").asString()).isEqualTo(redrawId);
        assertThat(publicFirst.get("supersededReason").asString()).isEqualTo(reason);
        assertThat(publicFirst.get("results").findValuesAsString("result")).containsOnly("NOT_CHECKED").hasSize(3);
        assertThat(publicFirst.toString()).doesNotContain("sc-inspector", "sc-registrar");

        // no second redraw of the replaced plan, no new first draw; the slot's draws are these two
        post(registrar, redrawUri, Map.of("reason", "再次重新抽取")).expectStatus().isEqualTo(409).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("code").asString()).isEqualTo("spot-check-superseded"));
        post(inspector, SPOT_CHECKS, drawBody(year, 3000)).expectStatus().isEqualTo(409).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("detail").asString()).contains(firstId));

        long version = recordEveryResult(redraw);
        client().post().uri(SPOT_CHECKS + "/" + redrawId + "/publication").header("Authorization", "Bearer " + registrar)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isOk();
        JsonNode publicRedraw = publicListEntry(redrawId);
        assertThat(publicRedraw).isNotNull();
        assertThat(publicRedraw.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(publicRedraw.get("redrawOf").asString()).isEqualTo(firstId);
        assertThat(publicRedraw.get("redrawReason").asString()).isEqualTo(reason);
        assertThat(publicListEntry(firstId)).as("the first draw stays public after the redraw is published").isNotNull();
        assertThat(client().get().uri("/api/v1/orgs/public/spot-checks/" + firstId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("supersededBy").asString()).isEqualTo(redrawId);

        // an ADMIN passes the role gate, but a published plan is not redrawn
        post(token("sc-admin", "ADMIN", AUTHORITY), SPOT_CHECKS + "/" + redrawId + "/redraw", Map.of("reason", "结果公开后重新抽取"))
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("code").asString()).isEqualTo("spot-check-published"));
    }
}
