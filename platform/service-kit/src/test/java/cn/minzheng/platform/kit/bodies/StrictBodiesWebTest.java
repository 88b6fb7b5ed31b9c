package cn.minzheng.platform.kit.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every service reads JSON request bodies strictly by default: no coercion between JSON types,
 * unknown fields, duplicate keys and trailing data refused, each a 400 problem naming the value by
 * its JSON pointer. The service's own WebClient still reads other services' answers leniently.
 */
class StrictBodiesWebTest extends WebAppTestBase {

    static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebClient.Builder webClients;

    /** (what, body for {@code Applicant(name, long incomeFen, members[{name}])}, pointer, code). */
    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                Arguments.of("number as text", "{\"name\":\"a\",\"incomeFen\":\"100\",\"members\":[]}", "/incomeFen", "invalid-type"),
                Arguments.of("fraction for an integer", "{\"name\":\"a\",\"incomeFen\":1.5,\"members\":[]}", "/incomeFen", "invalid-type"),
                Arguments.of("whole fraction for an integer", "{\"name\":\"a\",\"incomeFen\":100.0,\"members\":[]}", "/incomeFen", "invalid-type"),
                Arguments.of("boolean for an integer", "{\"name\":\"a\",\"incomeFen\":true,\"members\":[]}", "/incomeFen", "invalid-type"),
                Arguments.of("null for a primitive", "{\"name\":\"a\",\"incomeFen\":null,\"members\":[]}", "/incomeFen", "invalid-type"),
                Arguments.of("number for a text", "{\"name\":42,\"incomeFen\":1,\"members\":[]}", "/name", "invalid-type"),
                Arguments.of("boolean for a text", "{\"name\":true,\"incomeFen\":1,\"members\":[]}", "/name", "invalid-type"),
                Arguments.of("object for a list", "{\"name\":\"a\",\"incomeFen\":1,\"members\":{\"name\":\"b\"}}", "/members", "invalid-type"),
                Arguments.of("single value for a list", "{\"name\":\"a\",\"incomeFen\":1,\"members\":\"b\"}", "/members", "invalid-type"),
                Arguments.of("number inside a list", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[{\"name\":\"b\"},{\"name\":7}]}", "/members/1/name", "invalid-type"),
                Arguments.of("unknown field", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[],\"isAdmin\":true}", "/isAdmin", "unknown-field"),
                Arguments.of("unknown nested field", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[{\"name\":\"b\",\"age\":3}]}", "/members/0/age", "unknown-field"),
                Arguments.of("duplicate key", "{\"name\":\"a\",\"incomeFen\":1,\"name\":\"b\",\"members\":[]}", "/name", "duplicate-key"),
                Arguments.of("duplicate nested key", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[{\"name\":\"b\",\"name\":\"c\"}]}", "/members/0/name", "duplicate-key"),
                Arguments.of("trailing object", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[]}{}", "", "trailing-data"),
                Arguments.of("trailing garbage", "{\"name\":\"a\",\"incomeFen\":1,\"members\":[]} x", "", "malformed-json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedBodies")
    void aBodyOutsideTheStrictRulesIsA400ProblemNamingTheValue(String what, String body, String pointer, String code) {
        var result = client().post().uri("/test/applicants").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "en").bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getStatus().value()).as(what + ": " + result.getResponseBody()).isEqualTo(400);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).containsEntry("code", "malformed-request");
        @SuppressWarnings("unchecked")
        var errors = (List<Map<String, Object>>) result.getResponseBody().get("errors");
        assertThat(errors).as(what + ": " + result.getResponseBody()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("pointer", pointer).containsEntry("code", code));
    }

    @Test
    void aWellFormedBodyIsTaken() {
        client().post().uri("/test/applicants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"张三\",\"incomeFen\":100,\"members\":[{\"name\":\"李四\"}]}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.incomeFen").isEqualTo(100).jsonPath("$.members[0].name").isEqualTo("李四");
    }

    record OnlyOther(String other) {
    }

    @Test
    void theServicesWebClientStillReadsAnswersWithFieldsItDoesNotKnow() {
        // /test/json-only answers {"ok":"yes"}: a field OnlyOther does not have
        OnlyOther answer = webClients.baseUrl("http://127.0.0.1:" + port).build().get().uri("/test/json-only")
                .retrieve().bodyToMono(OnlyOther.class).block(java.time.Duration.ofSeconds(5));
        assertThat(answer).isEqualTo(new OnlyOther(null));
    }

    @Test
    void aPathTheFirewallRefusesIsA400Problem() {
        var result = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/test/problems/a%2Fb"))
                .header("Accept-Language", "en").exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).containsEntry("code", "path-rejected")
                .containsEntry("title", "Path not accepted").containsKey("traceId");
    }

    @ParameterizedTest(name = "?{0}")
    @CsvSource({"kind=%00", "kind=%0A", "kind=%7F", "kind=a%00b", "kind=x&other=%0D"})
    void aQueryParameterWithAControlCharacterIsA400ProblemNamingIt(String query) {
        // enum and boolean converters trim: a value of control characters alone would be read as absent
        var result = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/test/problems/none?" + query))
                .header("Accept-Language", "en").exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result.getResponseBody()).containsEntry("code", "invalid-parameter");
        assertThat((String) result.getResponseBody().get("detail")).contains(query.contains("other") ? "other" : "kind");
    }

    @Test
    void aQueryParameterWithoutControlCharactersReachesTheHandler() {
        var result = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/test/problems/not-found?kind=%E5%8D%8F%20x%09"))
                .exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getStatus().value()).as("a tab is a control character too").isEqualTo(400);
        var plain = client().get().uri(java.net.URI.create("http://127.0.0.1:" + port + "/test/problems/not-found?kind=%E5%8D%8F%20x"))
                .exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(plain.getStatus().value()).as("the handler answered").isEqualTo(404);
        assertThat(plain.getResponseBody()).containsEntry("code", "not-found");
    }
}
