package cn.minzheng.org.spotcheck;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.OrganizationType;
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
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** 双随机、一公开 through the API: draw, replay by an auditor, results by the drawn inspectors, publication. */
class SpotCheckApiTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "421381";
    private static boolean seeded;

    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String inspector = token("sc-inspector-1", "INSPECTOR", AUTHORITY);
    private final String auditor = token("sc-auditor", "AUDITOR", "4213");

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
            Organization o = Organization.register(String.format("ORG-SC-%02d", i), code, AUTHORITY, p, LocalDate.of(2020, 1, 1)).next();
            if (i == 10) {
                o = o.listing(true, false, "abnormal-listed", "未按时报送年度报告").next();   // not in good standing: not drawn
            }
            registrations.insert(o, "agent-sc", List.of(), List.of()).block();
        }
        seeded = true;
    }

    private static List<Map<String, Object>> pool() {
        return List.of(Map.of("id", "sc-inspector-1", "conflictsWith", List.of("ORG-SC-03")),
                Map.of("id", "sc-inspector-2", "conflictsWith", List.of()),
                Map.of("id", "sc-inspector-3", "conflictsWith", List.of("ORG-SC-05")),
                Map.of("id", "sc-inspector-4", "conflictsWith", List.of()));
    }

    private JsonNode draw(String seed, int ratio) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("authorityCode", AUTHORITY, "year", 2025, "ratioBasisPoints", ratio,
                "types", List.of("SOCIAL_GROUP"), "inspectors", pool()));
        body.put("seed", seed);
        return client().post().uri("/api/v1/orgs/spot-checks").header("Authorization", "Bearer " + inspector)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void aDrawIsReproducibleResultsAreRecordedByTheDrawnInspectorsAndPublished() {
        seedRegistry();
        JsonNode plan = draw("seed-2025-a", 3000);
        String id = plan.get("id").asString();
        assertThat(plan.get("method").asString()).isEqualTo(SeededDraw.METHOD);
        assertThat(plan.get("populationSize").asInt()).isEqualTo(9);   // 10 social groups, one on the 异常名录
        List<String> population = new ArrayList<>();
        plan.get("population").forEach(n -> population.add(n.asString()));
        assertThat(population).doesNotContain("ORG-SC-10", "ORG-SC-11", "ORG-SC-12").hasSize(9);
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
        List<Inspector> pool = pool().stream().map(m -> new Inspector((String) m.get("id"), Set.copyOf((List<String>) m.get("conflictsWith")))).toList();
        var expected = SeededDraw.assignInspectors("seed-2025-a", SeededDraw.drawOrganizations("seed-2025-a", population, 3), pool, 2);
        drawn.forEach(d -> assertThat(expected).containsKey(d.get("organizationId").asString()));

        EventEnvelope drawnEvent = awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_PLAN_DRAWN) && e.subject().equals(id));
        assertThat(drawnEvent.data().get("seed").asString()).isEqualTo("seed-2025-a");
        assertThat(drawnEvent.data().get("selected").size()).isEqualTo(3);

        JsonNode replay = client().post().uri("/api/v1/orgs/spot-checks/" + id + "/replay").header("Authorization", "Bearer " + auditor)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(replay.get("identical").asBoolean()).isTrue();
        assertThat(replay.get("replayed")).isEqualTo(replay.get("recorded"));
        assertThat(replay.get("populationDigest").asString()).isEqualTo(drawnEvent.data().get("populationDigest").asString())
                .isEqualTo(replay.get("replayedPopulationDigest").asString()).isEqualTo(SeededDraw.populationDigest(population));
        assertThat(drawnEvent.data().get("populationSize").asInt()).isEqualTo(9);
        assertThat(drawnEvent.data().get("population").size()).as("a small population is listed too").isEqualTo(9);
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/replay").header("Authorization", "Bearer " + token("a2", "AUDITOR", "3301"))
                .exchange().expectStatus().isForbidden();

        // not public before publication
        client().get().uri("/api/v1/orgs/public/spot-checks/" + id).exchange().expectStatus().isNotFound();

        long version = plan.get("version").asLong();
        JsonNode first = drawn.get(0);
        String notAssigned = List.of("sc-inspector-1", "sc-inspector-2", "sc-inspector-3", "sc-inspector-4").stream()
                .filter(i -> !first.get("inspectors").toString().contains("\"" + i + "\"")).findFirst().orElseThrow();
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/results").header("Authorization", "Bearer " + token(notAssigned, "INSPECTOR", AUTHORITY))
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("organizationId", first.get("organizationId").asString(), "problemsFound", false))
                .exchange().expectStatus().isBadRequest().expectBody(JsonNode.class)
                .value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).contains("/inspectorId"));
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isBadRequest()
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("code").asString()).isEqualTo("results-missing"));

        int i = 0;
        for (JsonNode d : drawn) {
            String org = d.get("organizationId").asString();
            String by = d.get("inspectors").get(0).asString();
            boolean problems = i++ == 0;
            JsonNode after = client().post().uri("/api/v1/orgs/spot-checks/" + id + "/results")
                    .header("Authorization", "Bearer " + token(by, "INSPECTOR", AUTHORITY)).header("If-Match", "\"" + version + "\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(problems ? Map.of("organizationId", org, "problemsFound", true, "findings", "财务制度不健全")
                            : Map.of("organizationId", org, "problemsFound", false))
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            version = after.get("version").asLong();
            awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_RESULT_RECORDED) && e.subject().equals(id)
                    && org.equals(e.data().get("changes").get("organizationId").asString()));
        }
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + (version - 1) + "\"").exchange().expectStatus().isEqualTo(412);
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/publication").header("Authorization", "Bearer " + inspector)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isOk();
        awaitEvent(e -> e.type().equals(EventTypes.SPOT_CHECK_PUBLISHED) && e.subject().equals(id));

        JsonNode published = client().get().uri("/api/v1/orgs/public/spot-checks?authority=" + AUTHORITY).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode mine = null;
        for (JsonNode p : published.get("items")) {
            if (p.get("id").asString().equals(id)) {
                mine = p;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("results").size()).isEqualTo(3);
        assertThat(mine.get("results").findValuesAsString("result")).containsExactlyInAnyOrder("PROBLEMS_FOUND", "NO_PROBLEMS", "NO_PROBLEMS");
        assertThat(mine.get("results").get(0).get("organizationName").asString()).startsWith("广水市领域");
        assertThat(mine.toString()).doesNotContain("sc-inspector");
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnAlteredRecordIsFound() {
        seedRegistry();
        JsonNode a = draw("same-seed", 3000);
        JsonNode b = draw("same-seed", 3000);
        assertThat(b.get("id").asString()).isNotEqualTo(a.get("id").asString());
        assertThat(b.get("drawn")).isEqualTo(a.get("drawn"));

        String id = b.get("id").asString();
        String someOrg = b.get("drawn").get(0).get("organizationId").asString();
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("assignments." + someOrg, List.of("sc-inspector-1", "x")),
                SpotCheckStore.PLANS).block();
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/replay").header("Authorization", "Bearer " + auditor).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).value(r -> assertThat(r.get("identical").asBoolean()).isFalse());
    }

    @Test
    void aPopulationAlteredAfterTheDrawIsFoundByItsDigest() {
        seedRegistry();
        JsonNode plan = draw("digest-seed", 3000);
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
        client().post().uri("/api/v1/orgs/spot-checks/" + id + "/replay").header("Authorization", "Bearer " + auditor).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).value(r -> {
                    assertThat(r.get("populationDigest").asString()).isEqualTo(plan.get("populationDigest").asString());
                    assertThat(r.get("replayedPopulationDigest").asString()).isNotEqualTo(r.get("populationDigest").asString());
                    assertThat(r.get("identical").asBoolean()).isFalse();
                });
    }

    @Test
    void aRatioBelowTheLegalMinimumOrAWrongRoleIsRefusedAndNothingIsStored() {
        seedRegistry();
        long before = mongo.count(new Query(Criteria.where("authorityCode").is(AUTHORITY)), SpotCheckStore.PLANS).block();
        client().post().uri("/api/v1/orgs/spot-checks").header("Authorization", "Bearer " + inspector).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authorityCode", AUTHORITY, "year", 2025, "ratioBasisPoints", 299, "inspectors", pool()))
                .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).value(b -> assertThat(b.get("errors").findValuesAsString("pointer")).contains("/ratioBasisPoints"));
        client().post().uri("/api/v1/orgs/spot-checks").header("Authorization", "Bearer " + inspector).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("authorityCode", AUTHORITY, "year", 2025, "inspectors", List.of(Map.of("id", "only-one"))))
                .exchange().expectStatus().isBadRequest();
        client().post().uri("/api/v1/orgs/spot-checks").header("Authorization", "Bearer " + token("agent-x", "ORG_AGENT", AUTHORITY))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", 2025, "inspectors", pool()))
                .exchange().expectStatus().isForbidden();
        client().post().uri("/api/v1/orgs/spot-checks").header("Authorization", "Bearer " + token("insp-far", "INSPECTOR", "330100"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", 2025, "inspectors", pool()))
                .exchange().expectStatus().isForbidden();
        assertThat(mongo.count(new Query(Criteria.where("authorityCode").is(AUTHORITY)), SpotCheckStore.PLANS).block()).isEqualTo(before);
    }
}
