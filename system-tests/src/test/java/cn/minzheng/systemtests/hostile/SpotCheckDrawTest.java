package cn.minzheng.systemtests.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Json;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 4, 双随机 as the rules mean it, tried by an inspector who would like to choose: a
 * seed or an inspector pool of their own in the body (by its name, another spelling, an empty value,
 * beside a legitimate field) is refused and draws nothing; the plan that is drawn carries a seed the
 * server chose and the configured roster of 421303; a second draw of the authority, year and type —
 * by the inspector, a registrar, or for one type of an all-types draw — is refused; a redraw by the
 * inspector, or without a written reason, is refused; a registrar's redraw with a reason leaves both
 * draws in the public record, the first as SUPERSEDED with the reason, and both replay identically.
 *
 * <p>The year comes from the printed seed ({@code -Dsystem.seed=} replays it); a year an earlier run
 * drew on the same store is skipped.
 */
@Tag("hostile")
@Order(22)
class SpotCheckDrawTest {

    static final String AUTHORITY = "421303";
    static final String SPOT_CHECKS = "/api/v1/orgs/spot-checks";
    /** The roster application.yml of org-service configures for 421303 (the only source of a pool). */
    static final List<String> ROSTER = List.of("inspector-421303-1", "inspector-421303-2", "inspector-421303-3");

    Gateway gateway;

    @Test
    void anInspectorCannotChooseTheSeedOrThePoolNorDrawTwiceAndARedrawStaysPublic() {
        long seed = Long.getLong("system.seed", System.nanoTime());
        System.out.println("[SpotCheckDrawTest] seed " + seed + " (replay: -Dsystem.seed=" + seed + ")");
        Random random = new Random(seed);
        Platform platform = Platform.get();
        gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String inspector = tokens.of(ROSTER.get(0), "INSPECTOR", AUTHORITY);
        String registrar = tokens.of("spotcheck-registrar-" + run, "REGISTRAR", AUTHORITY);
        String farRegistrar = tokens.of("spotcheck-registrar-far-" + run, "REGISTRAR", "110105");
        String auditor = tokens.of("spotcheck-auditor-" + run, "AUDITOR", AUTHORITY);

        // the inspector's own seed or pool, however it is put: refused, nothing drawn
        int year = 2000 + random.nextInt(101);
        List<Map<String, Object>> chosen = List.of(
                draw(year, "seed", "00000000000000000000000000000000"),
                draw(year, "seed", 0),
                draw(year, "seed", ""),
                draw(year, "inspectors", List.of(Map.of("id", "inspector-friend", "conflictsWith", List.of()))),
                draw(year, "inspectors", List.of()),
                draw(year, "Seed", "favourable"),
                draw(year, "pool", List.of("inspector-friend", "inspector-friend-2")),
                draw(year, "inspectorPool", List.of("inspector-friend")),
                draw(year, "conflictsWith", List.of()));
        for (Map<String, Object> body : chosen) {
            Answer refused = gateway.post(SPOT_CHECKS).token(inspector).json(body).send();
            RunSummary.hostileInputTried();
            assertThat(refused.status()).as(Json.write(body) + " → " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).as(refused.toString()).isTrue();
        }
        Answer both = gateway.post(SPOT_CHECKS).token(inspector)
                .raw("application/json", "{\"authorityCode\":\"421303\",\"year\":" + year + ",\"seed\":\"1\",\"inspectors\":[]}").send();
        RunSummary.hostileInputTried();
        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        assertThat(pointers(both)).as("fields named by " + both).contains("/seed", "/inspectors");

        // the inspector's legitimate draw (another year if an earlier run on this store drew this one)
        Answer drawn = gateway.post(SPOT_CHECKS).token(inspector).json(draw(year, null, null)).send();
        for (int tries = 0; drawn.status() == 409 && tries < 20; tries++) {
            year = 2000 + random.nextInt(101);
            drawn = gateway.post(SPOT_CHECKS).token(inspector).json(draw(year, null, null)).send();
        }
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        System.out.println("[SpotCheckDrawTest] drawn for " + AUTHORITY + "/" + year + ": " + drawn.text("id"));
        JsonNode first = drawn.json();
        String firstId = first.path("id").asString();
        assertThat(first.path("seed").asString()).as("the server's seed").isNotBlank().isNotEqualTo("00000000000000000000000000000000");
        assertThat(ids(first.path("inspectorPool"))).as("the pool of the draw").isNotEmpty().isSubsetOf(ROSTER);
        first.path("drawn").forEach(o -> assertThat(ids(o.path("inspectors"))).isSubsetOf(ROSTER));

        // one draw per authority, year and type
        Map<String, Object> oneType = draw(year, "types", List.of("SOCIAL_GROUP"));
        for (Answer again : List.of(
                gateway.post(SPOT_CHECKS).token(inspector).json(draw(year, null, null)).send(),
                gateway.post(SPOT_CHECKS).token(registrar).json(draw(year, null, null)).send(),
                gateway.post(SPOT_CHECKS).token(inspector).json(oneType).send())) {
            RunSummary.hostileInputTried();
            assertThat(again.status()).as("a second draw: " + again).isEqualTo(409);
            assertThat(again.text("code")).as(again.toString()).isEqualTo("spot-check-already-drawn");
            assertThat(again.body()).as(again.toString()).contains(firstId);
        }

        // a redraw needs REGISTRAR (or ADMIN) of the region, and a written reason
        String redraw = SPOT_CHECKS + "/" + firstId + "/redraw";
        Answer byInspector = gateway.post(redraw).token(inspector).json(Map.of("reason", "抽到了我熟悉的单位")).send();
        Answer byFarRegistrar = gateway.post(redraw).token(farRegistrar).json(Map.of("reason", "重新抽取")).send();
        Answer noReason = gateway.post(redraw).token(registrar).json(Map.of()).send();
        Answer blankReason = gateway.post(redraw).token(registrar).json(Map.of("reason", "   ")).send();
        Answer nullReason = gateway.post(redraw).token(registrar).raw("application/json", "{\"reason\":null}").send();
        for (int i = 0; i < 5; i++) {
            RunSummary.hostileInputTried();
        }
        assertThat(byInspector.status()).as("an inspector's redraw: " + byInspector).isEqualTo(403);
        assertThat(byFarRegistrar.status()).as("a registrar of another region: " + byFarRegistrar).isIn(403, 404);
        for (Answer a : List.of(noReason, blankReason, nullReason)) {
            assertThat(a.status()).as("a redraw without a reason: " + a).isEqualTo(400);
            assertThat(a.isProblem()).as(a.toString()).isTrue();
            assertThat(pointers(a)).as(a.toString()).contains("/reason");
        }
        Answer stillFirst = gateway.get(SPOT_CHECKS + "/" + firstId).token(registrar).send();
        assertThat(stillFirst.json().path("status").asString()).as(stillFirst.toString()).isEqualTo("DRAWN");

        // the registrar's redraw with a reason
        String reason = "抽查范围有误，重新抽取（系统测试 " + run + "）";
        Answer redrawn = gateway.post(redraw).token(registrar).json(Map.of("reason", reason)).send();
        assertThat(redrawn.status()).as(redrawn.toString()).isEqualTo(201);
        String secondId = redrawn.text("id");
        assertThat(redrawn.json().path("lineage").path("redrawOf").asString()).isEqualTo(firstId);
        assertThat(ids(redrawn.json().path("inspectorPool"))).isSubsetOf(ROSTER);
        Answer again = gateway.post(redraw).token(registrar).json(Map.of("reason", "再抽一次")).send();
        RunSummary.hostileInputTried();
        assertThat(again.status()).as("a redraw of the superseded draw: " + again).isEqualTo(409);

        // the second draw's results, then its publication: both draws public
        publish(tokens, registrar, secondId);
        Answer firstPublic = gateway.get("/api/v1/orgs/public/spot-checks/" + firstId).send();
        Answer secondPublic = gateway.get("/api/v1/orgs/public/spot-checks/" + secondId).send();
        assertThat(firstPublic.status()).as(firstPublic.toString()).isEqualTo(200);
        assertThat(firstPublic.text("status")).isEqualTo("SUPERSEDED");
        assertThat(firstPublic.text("supersededBy")).isEqualTo(secondId);
        assertThat(firstPublic.text("supersededReason")).isEqualTo(reason);
        assertThat(firstPublic.text("seed")).isEqualTo(first.path("seed").asString());
        assertThat(secondPublic.status()).as(secondPublic.toString()).isEqualTo(200);
        assertThat(secondPublic.text("status")).isEqualTo("PUBLISHED");
        assertThat(secondPublic.text("redrawOf")).isEqualTo(firstId);
        assertThat(secondPublic.text("redrawReason")).isEqualTo(reason);
        List<String> listed = publicIdsOfYear(year);
        int expected = 2;
        int found = (int) listed.stream().filter(id -> id.equals(firstId) || id.equals(secondId)).count();
        RunSummary.records(expected, (int) List.of(firstId, secondId).stream().filter(id -> !listed.contains(id)).count(),
                Math.max(0, listed.size() - expected));
        assertThat(listed).as("the public plans of " + AUTHORITY + "/" + year).containsExactlyInAnyOrder(firstId, secondId);
        assertThat(found).isEqualTo(expected);
        for (String id : List.of(firstId, secondId)) {
            Answer replay = gateway.post(SPOT_CHECKS + "/" + id + "/replay").token(auditor).send();
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            assertThat(replay.json().path("identical").asBoolean()).as(replay.toString()).isTrue();
        }
    }

    /** Every drawn organization's result by one of its drawn inspectors, then the publication. */
    private void publish(Tokens tokens, String registrar, String id) {
        Answer plan = gateway.get(SPOT_CHECKS + "/" + id).token(registrar).send();
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        for (JsonNode o : plan.json().path("drawn")) {
            String by = o.path("inspectors").get(0).asString();
            Answer current = gateway.get(SPOT_CHECKS + "/" + id).token(registrar).send();
            Answer result = gateway.post(SPOT_CHECKS + "/" + id + "/results").token(tokens.of(by, "INSPECTOR", AUTHORITY))
                    .ifMatch(current.json().path("version").asLong())
                    .json(Map.of("organizationId", o.path("organizationId").asString(), "problemsFound", false)).send();
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
        }
        Answer current = gateway.get(SPOT_CHECKS + "/" + id).token(registrar).send();
        Answer published = gateway.post(SPOT_CHECKS + "/" + id + "/publication").token(registrar)
                .ifMatch(current.json().path("version").asLong()).send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private List<String> publicIdsOfYear(int year) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            Answer answer = gateway.get("/api/v1/orgs/public/spot-checks?authority=" + AUTHORITY
                    + (cursor == null ? "" : "&cursor=" + cn.minzheng.systemtests.fixtures.Trail.encode(cursor))).send();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            answer.json().path("items").forEach(p -> {
                if (p.path("year").asInt() == year) {
                    ids.add(p.path("id").asString());
                }
            });
            cursor = answer.text("nextCursor");
            if (cursor == null || cursor.isBlank()) {
                return ids;
            }
        }
        throw new IllegalStateException("more than 100 pages of public spot checks");
    }

    private static Map<String, Object> draw(int year, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityCode", AUTHORITY);
        body.put("year", year);
        if (field != null) {
            body.put(field, value);
        }
        return body;
    }

    private static List<String> pointers(Answer problem) {
        List<String> pointers = new ArrayList<>();
        problem.json().path("errors").forEach(e -> pointers.add(e.path("pointer").asString()));
        return pointers;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.isString() ? n.asString() : n.path("id").asString()));
        return ids;
    }
}
