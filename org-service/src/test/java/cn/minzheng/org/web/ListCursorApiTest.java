package cn.minzheng.org.web;

import cn.minzheng.org.OrgServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cursor-paginated org list: a cursor the service did not issue answers 400 naming {@code /cursor} in
 * Chinese (it used to answer an empty page, as if there were nothing more); the cursors it issues page through.
 */
class ListCursorApiTest extends OrgServiceTestBase {
    private static final String REGION = "421125";
    private final String registrar = token("lc-registrar", "REGISTRAR", REGION);

    @Test
    void aJunkCursorIsRefusedOnEveryList() {
        List<String> lists = List.of("/api/v1/orgs/applications", "/api/v1/orgs/enforcement-cases", "/api/v1/orgs/ban-cases",
                "/api/v1/orgs/inspection-tasks?authority=" + REGION, "/api/v1/orgs/public/penalty-decisions",
                "/api/v1/orgs/public/credit-lists", "/api/v1/orgs/public/spot-checks");
        for (String junk : List.of("junk", "{\"$gt\": \"\"}", "A".repeat(300), "EC-421303-ABCDEF12")) {
            for (String list : lists) {
                String uri = list + (list.contains("?") ? "&" : "?") + "cursor=" + UriUtils.encodeQueryParam(junk, StandardCharsets.UTF_8);
                JsonNode p = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + uri)).header("Authorization", "Bearer " + registrar)
                        .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody(JsonNode.class).returnResult().getResponseBody();
                assertThat(p.get("errors").findValuesAsString("pointer")).as(uri).containsExactly("/cursor");
                assertThat(p.get("errors").get(0).get("message").asString()).as(uri).contains("/nextCursor").contains("原样传入");
            }
        }
    }

    @Test
    void theIssuedCursorsPageThroughAListAndTheLastPageHasNone() {
        String inspector = token("lc-inspector", "INSPECTOR", REGION);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(client().post().uri("/api/v1/orgs/ban-cases").header("Authorization", "Bearer " + inspector)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", REGION, "name", "英山县某某会" + run + i,
                            "ground", "UNREGISTERED_ACTIVITY", "facts", "以协会名义活动"))
                    .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = "/api/v1/orgs/ban-cases?size=1" + (cursor == null ? "" : "&cursor=" + UriUtils.encodeQueryParam(cursor, StandardCharsets.UTF_8));
            JsonNode page = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + uri)).header("Authorization", "Bearer " + registrar)
                    .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).containsAll(opened).doesNotHaveDuplicates();
        assertThat(seen).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }
}
