package cn.minzheng.platform.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** Every error path of a WebFlux service answers with the exact problem JSON, in Chinese or English. */
class ProblemDetailsWebTest extends WebAppTestBase {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final String TYPE = "https://minzheng.example/problems/";

    static Stream<Arguments> thrownProblems() {
        return Stream.of(
                Arguments.of("validation", "zh", problem("validation-failed", 400, "请求数据校验未通过",
                        "请求中有字段不符合要求，请按 errors 中的说明修改后重试。", "/test/problems/validation",
                        List.of(error("/applicant/idNumber", "invalid-value", "取值无效")), Map.of())),
                Arguments.of("validation", "en", problem("validation-failed", 400, "Request validation failed",
                        "Some fields are invalid; see errors for each of them.", "/test/problems/validation",
                        List.of(error("/applicant/idNumber", "invalid-value", "has an invalid value")), Map.of())),
                Arguments.of("not-found", "zh", problem("not-found", 404, "资源不存在", "未找到 application：MZ-2026-0001。",
                        "/test/problems/not-found", List.of(), Map.of("resource", "application"))),
                Arguments.of("not-found", "en", problem("not-found", 404, "Resource not found",
                        "No application with number MZ-2026-0001 exists.", "/test/problems/not-found", List.of(),
                        Map.of("resource", "application"))),
                Arguments.of("conflict", "zh", problem("conflict", 409, "资源冲突", "请求与资源当前状态冲突。",
                        "/test/problems/conflict", List.of(), Map.of())),
                Arguments.of("illegal-transition", "zh", problem("illegal-transition", 409, "当前状态下不允许此操作",
                        "状态为 DRAFT 时不能执行“approve”。", "/test/problems/illegal-transition", List.of(),
                        Map.of("from", "DRAFT", "to", "APPROVED", "action", "approve"))),
                Arguments.of("illegal-transition", "en", problem("illegal-transition", 409,
                        "Action not allowed in the current status", "Action approve is not allowed in status DRAFT.",
                        "/test/problems/illegal-transition", List.of(),
                        Map.of("from", "DRAFT", "to", "APPROVED", "action", "approve"))),
                Arguments.of("stale-version", "zh", problem("stale-version", 412, "数据已被他人修改",
                        "您提交的版本 3 已过期（当前版本 5），请刷新后重试。", "/test/problems/stale-version", List.of(),
                        Map.of("expectedVersion", 3, "currentVersion", 5))),
                Arguments.of("precondition-required", "en", problem("precondition-required", 428,
                        "If-Match header required",
                        "Changes to an existing resource need an If-Match header with the ETag from the last read.",
                        "/test/problems/precondition-required", List.of(), Map.of())),
                Arguments.of("forbidden", "zh", problem("forbidden", 403, "无权执行此操作", "您的角色或所属区划不允许执行此操作。",
                        "/test/problems/forbidden", List.of(), Map.of())),
                // a service code without bundle entry: title by status, detail is the code and args
                Arguments.of("unprocessable", "en", problem("income-too-high", 422, "Unprocessable request",
                        "income-too-high [123]", "/test/problems/unprocessable", List.of(), Map.of())),
                // business refusal naming fields (a code without texts: status title, the given detail)
                Arguments.of("unprocessable-fields", "zh", problem("income-over-standard", 422, "无法处理的请求",
                        "household income over the standard", "/test/problems/unprocessable-fields",
                        List.of(error("/members/1/incomeFen", "invalid-value", "取值无效"),
                                error("/members", "too-many-earners", "two earners at most")), Map.of())),
                Arguments.of("unprocessable-fields", "en", problem("income-over-standard", 422, "Unprocessable request",
                        "household income over the standard", "/test/problems/unprocessable-fields",
                        List.of(error("/members/1/incomeFen", "invalid-value", "has an invalid value"),
                                error("/members", "too-many-earners", "two earners at most")), Map.of())),
                // the kit's domain refusals a service did not translate: 422 / 409 by the status rule, not 500
                // (no rule.VISIT_STAFF in this app's bundles: the log message stands in for the text)
                Arguments.of("rule-violation", "zh", problem("rule-violated", 422, "不符合办理规定", "needs 2 staff",
                        "/test/problems/rule-violation", List.of(), Map.of("source", "[57]§16"))),
                Arguments.of("domain-transition", "zh", problem("illegal-transition", 409, "当前状态下不允许此操作",
                        "状态为 SUBMITTED 时不能执行“PAY_FIRST”。", "/test/problems/domain-transition", List.of(),
                        Map.of("from", "SUBMITTED", "action", "PAY_FIRST"))),
                Arguments.of("boom", "zh", problem("internal-error", 500, "服务器内部错误",
                        "服务器处理请求时出错，请稍后重试；如需帮助请提供 traceId。", "/test/problems/boom", List.of(), Map.of())),
                Arguments.of("boom", "en", problem("internal-error", 500, "Internal server error",
                        "The server failed to process the request; retry later and quote the traceId when asking for help.",
                        "/test/problems/boom", List.of(), Map.of())));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("thrownProblems")
    void thrownProblemBecomesExactProblemJson(String kind, String language, Map<String, Object> expected) {
        var result = client().get().uri("/test/problems/" + kind).header("Accept-Language", language)
                .exchange().expectBody(JSON_OBJECT).returnResult();

        assertProblem(result, expected);
        assertThat(result.getResponseHeaders().getFirst("Content-Language")).startsWith(language);
    }

    @Test
    void unexpectedExceptionRevealsNothing() {
        var body = client().get().uri("/test/problems/boom").exchange()
                .expectStatus().isEqualTo(500).expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("at cn.");
    }

    @Test
    void synchronousThrowInHandler() {
        var result = client().get().uri("/test/thrown").header("Accept-Language", "en-US,en;q=0.9")
                .exchange().expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("not-found", 404, "Resource not found", "No organization with number ORG-1 exists.",
                "/test/thrown", List.of(), Map.of("resource", "organization")));
    }

    @Test
    void beanValidationNamesEveryFieldWithPointers() {
        var result = post("/test/applicants", "{\"name\":\" \",\"incomeFen\":-5,\"members\":[{\"name\":\"\"}]}", "zh");
        assertThat(result.getStatus().value()).isEqualTo(400);
        var body = result.getResponseBody();
        assertThat(body).containsEntry("code", "validation-failed").containsEntry("title", "请求数据校验未通过");
        assertThat(errors(body)).containsExactlyInAnyOrder(
                error("/name", "not-blank", "不能为空"),
                error("/incomeFen", "positive", "必须大于 0"),
                error("/members/0/name", "not-blank", "不能为空"));
    }

    @Test
    void malformedJsonIs400WithRootPointer() {
        var result = post("/test/applicants", "{\"name\": \"张三\", ", "en");
        assertProblem(result, problem("malformed-request", 400, "Malformed request",
                "The request body is not valid JSON or a field has the wrong type.", "/test/applicants",
                List.of(error("", "malformed-json", "is not valid JSON")), Map.of()));
    }

    @Test
    void wrongTypeIs400WithFieldPointer() {
        var result = post("/test/applicants", "{\"name\":\"张三\",\"incomeFen\":\"lots\",\"members\":[]}", "zh");
        assertProblem(result, problem("malformed-request", 400, "请求格式错误", "请求体不是有效的 JSON，或字段类型不正确。",
                "/test/applicants", List.of(error("/incomeFen", "invalid-type", "类型不正确")), Map.of()));
    }

    @Test
    void wrongTypeInsideArrayPointsIntoIt() {
        var result = post("/test/applicants", "{\"name\":\"张三\",\"incomeFen\":1,\"members\":[{\"name\":\"a\"},{\"name\":[1]}]}", "en");
        assertThat(errors(result.getResponseBody())).extracting(e -> e.get("pointer")).containsExactly("/members/1/name");
    }

    @ParameterizedTest(name = "[{index}] {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            a name no constant has      | "PARENT" | zh | 取值无效，请填写以下之一：SELF, SPOUSE, CHILD
            lower case is another name  | "self"   | zh | 取值无效，请填写以下之一：SELF, SPOUSE, CHILD
            a number for an enum        | 1        | en | is not an accepted value; send one of: SELF, SPOUSE, CHILD
            """)
    void anEnumValueItDoesNotAcceptNamesTheValuesItDoes(String what, String relation, String language, String message) {
        var result = post("/test/kin", "[{\"name\":\"张三\",\"relation\":\"SELF\"},{\"name\":\"李四\",\"relation\":" + relation + "}]",
                language);
        assertProblem(result, problem("malformed-request", 400, language.equals("zh") ? "请求格式错误" : "Malformed request",
                language.equals("zh") ? "请求体不是有效的 JSON，或字段类型不正确。" : "The request body is not valid JSON or a field has the wrong type.",
                "/test/kin", List.of(error("/1/relation", "invalid-enum", message)), Map.of()));
    }

    @Test
    void wrongQueryParameterTypeIs400() {
        var result = client().get().uri("/test/count?limit=ten").exchange().expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("invalid-parameter", 400, "请求参数无效", "参数无效：limit。", "/test/count",
                List.of(), Map.of()));
    }

    @Test
    void missingQueryParameterIs400() {
        var result = client().get().uri("/test/count").header("Accept-Language", "en").exchange()
                .expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("missing-parameter", 400, "Missing request parameter",
                "The required parameter limit is missing.", "/test/count", List.of(), Map.of()));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        var result = client().post().uri("/test/applicants").contentType(MediaType.TEXT_PLAIN)
                .header("Accept-Language", "en").bodyValue("hello").exchange().expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("unsupported-media-type", 415, "Unsupported media type",
                "Content type text/plain is not supported; send application/json.", "/test/applicants", List.of(), Map.of()));
    }

    @Test
    void wrongMethodIs405WithAllowHeader() {
        var result = client().method(HttpMethod.DELETE).uri("/test/applicants").exchange().expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("method-not-allowed", 405, "不支持的请求方法", "该地址不支持 DELETE 方法。",
                "/test/applicants", List.of(), Map.of()));
        assertThat(result.getResponseHeaders().getAllow()).contains(HttpMethod.POST);
    }

    @Test
    void unacceptableAcceptIs406() {
        var result = client().get().uri("/test/json-only").accept(MediaType.APPLICATION_XML).exchange()
                .expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("not-acceptable", 406, "无法提供所要求的格式", "该资源只能以 JSON 格式返回。",
                "/test/json-only", List.of(), Map.of()));
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"name\":\"" + "x".repeat(8 * 1024) + "\",\"incomeFen\":1,\"members\":[]}";
        var result = post("/test/applicants", big, "en");
        assertProblem(result, problem("payload-too-large", 413, "Payload too large",
                "The request body exceeds the allowed size.", "/test/applicants", List.of(), Map.of()));
    }

    @Test
    void unknownRouteIs404Problem() {
        var result = client().get().uri("/test/nowhere").exchange().expectBody(JSON_OBJECT).returnResult();
        assertProblem(result, problem("no-route", 404, "资源不存在", "没有与该地址对应的资源。", "/test/nowhere", List.of(), Map.of()));
    }

    @Test
    void validIncomingRequestIdIsEchoedAndInvalidOneReplaced() {
        client().get().uri("/test/json-only").header("X-Request-Id", "client-req-0001").exchange()
                .expectHeader().valueEquals("X-Request-Id", "client-req-0001");
        var replaced = client().get().uri("/test/json-only").header("X-Request-Id", "bad\tid").exchange()
                .expectBody(String.class).returnResult().getResponseHeaders().getFirst("X-Request-Id");
        assertThat(replaced).matches("[0-9a-f]{32}");
    }

    @Test
    void traceIdComesFromTraceparent() {
        var result = client().get().uri("/test/problems/forbidden")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .exchange().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getResponseBody()).containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(result.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void traceIdIsInTheLoggingContextAfterAThreadHop() {
        var result = client().get().uri("/test/mdc")
                .header("traceparent", "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .exchange().expectStatus().isOk().expectBody(JSON_OBJECT).returnResult();
        assertThat(result.getResponseBody()).containsEntry("traceId", "5bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(result.getResponseBody().get("thread").toString()).startsWith("parallel");
    }

    private EntityExchangeResult<Map<String, Object>> post(String path, String json, String language) {
        return client().post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Accept-Language", language)
                .bodyValue(json).exchange().expectBody(JSON_OBJECT).returnResult();
    }

    static void assertProblem(EntityExchangeResult<Map<String, Object>> result, Map<String, Object> expected) {
        assertThat(result.getStatus().value()).isEqualTo(expected.get("status"));
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        var body = new LinkedHashMap<>(result.getResponseBody());
        Object traceId = body.remove("traceId");
        assertThat(traceId).as("traceId").isEqualTo(result.getResponseHeaders().getFirst("X-Request-Id"));
        assertThat(body).isEqualTo(expected);
    }

    static Map<String, Object> problem(String code, int status, String title, String detail, String instance,
                                       List<Map<String, Object>> errors, Map<String, Object> extra) {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", TYPE + code);
        map.put("title", title);
        map.put("status", status);
        map.put("detail", detail);
        map.put("instance", instance);
        map.put("code", code);
        map.put("errors", errors);
        map.putAll(extra);
        return map;
    }

    static Map<String, Object> error(String pointer, String code, String message) {
        var map = new LinkedHashMap<String, Object>();
        map.put("pointer", pointer);
        map.put("code", code);
        map.put("message", message);
        return map;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("errors");
    }

}
