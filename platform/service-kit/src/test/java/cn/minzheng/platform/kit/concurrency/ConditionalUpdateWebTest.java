package cn.minzheng.platform.kit.concurrency;

import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** ETag on read, If-Match on change, conditional {_id, version} update against the Mongo-wire server. */
class ConditionalUpdateWebTest extends WebAppTestBase {

    private final String clerk = TestInfra.issuer().mint("clerk-9", "王五", List.of("CLERK"), "1101");

    @Test
    void readCarriesETagAndChangesNeedTheCurrentOne() {
        String location = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(clerk))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"applicant\":\"张三\",\"amountFen\":10}")
                .exchange().expectStatus().isCreated().returnResult(String.class).getResponseHeaders().getLocation().toString();

        client().get().uri(location).headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");

        client().post().uri(location + "/closure").headers(h -> h.setBearerAuth(clerk)).exchange()
                .expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("precondition-required");

        client().post().uri(location + "/closure").headers(h -> h.setBearerAuth(clerk)).header("If-Match", "\"1\"")
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        client().post().uri(location + "/closure").headers(h -> h.setBearerAuth(clerk)).header("If-Match", "\"1\"")
                .header("Accept-Language", "en").exchange()
                .expectStatus().isEqualTo(412)
                .expectBody()
                .jsonPath("$.code").isEqualTo("stale-version")
                .jsonPath("$.expectedVersion").isEqualTo(1)
                .jsonPath("$.currentVersion").isEqualTo(2)
                .jsonPath("$.detail").isEqualTo("Version 1 is stale (current version 2); reload and retry.");
    }

    @Test
    void changeOfUnknownCaseIs404() {
        client().post().uri("/api/cases/MZ-none/closure").headers(h -> h.setBearerAuth(clerk)).header("If-Match", "\"1\"")
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("not-found");
    }
}
