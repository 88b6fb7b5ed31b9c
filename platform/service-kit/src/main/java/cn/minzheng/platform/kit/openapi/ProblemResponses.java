package cn.minzheng.platform.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform's error answers in the document: the {@code Problem} schema (RFC 9457 members plus the
 * platform's {@code code}, {@code errors[]} with JSON pointers, {@code traceId}, and the extension members
 * some problems carry — see the kit's {@code problem} package), one shared response per status, and
 * which of them each operation can give.
 */
final class ProblemResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "ProblemFieldError";
    static final Set<String> SCHEMAS = Set.of(PROBLEM, PROBLEM_ERROR);

    /** Status → the shared response's name and its description (Chinese: what it means, what to do). */
    static final Map<String, String[]> RESPONSES = responses();

    private ProblemResponses() {
    }

    private static Map<String, String[]> responses() {
        var map = new LinkedHashMap<String, String[]>();
        map.put("400", new String[]{"BadRequest",
                "请求不正确（格式、参数或字段）：code 说明原因，errors[] 用 JSON 指针（pointer）指出每个字段；按 message 改正后重试"});
        map.put("401", new String[]{"Unauthorized",
                "未登录或令牌无效、过期：重新登录取得令牌，以 Authorization: Bearer <令牌> 再试"});
        map.put("403", new String[]{"Forbidden",
                "已登录，但当前角色或辖区无权办理此项：请由有权限的工作人员办理，或联系管理员核对角色"});
        map.put("404", new String[]{"NotFound",
                "找不到所指的资源（编号不存在，或不在您可见的范围内）：核对编号后重试"});
        map.put("409", new String[]{"Conflict",
                "与资源当前状态冲突（例如该状态下不能执行此操作，或同一 Idempotency-Key 的请求仍在处理）：先读取最新状态，再决定下一步"});
        map.put("412", new String[]{"PreconditionFailed",
                "If-Match 中的版本已不是最新（他人已修改）：重新读取，取新的 ETag 后再提交"});
        map.put("422", new String[]{"UnprocessableContent",
                "格式正确，但业务规则不允许（errors[] 指出涉及的字段）：按 detail 所说补正后再提交"});
        map.put("428", new String[]{"PreconditionRequired",
                "缺少 If-Match：先读取资源，把响应中的 ETag 放入 If-Match 再提交"});
        map.put("429", new String[]{"TooManyRequests",
                "请求过于频繁：按 Retry-After 所示的秒数等待后再试"});
        return Map.copyOf(map);
    }

    /** Adds the schemas and the shared responses to the components. */
    static void addComponents(Components components) {
        Schema<Object> error = Schemas.of("object", null);
        error.setDescription("一个字段的问题");
        error.addProperty("pointer", described(Schemas.of("string", "json-pointer"),
                "RFC 6901 JSON 指针，指向请求体中的字段（如 /members/0/idNumber）；查询参数为 /参数名；空串指整个请求"));
        error.addProperty("code", described(Schemas.of("string", null), "稳定的字段错误代码，如 not-blank"));
        error.addProperty("message", described(Schemas.of("string", null), "给人读的说明：错在哪里、可接受什么"));
        error.setRequired(List.of("pointer", "code", "message"));
        error.setAdditionalProperties(false);
        components.addSchemas(PROBLEM_ERROR, error);

        Schema<Object> problem = Schemas.of("object", null);
        problem.setDescription("RFC 9457 问题详情（application/problem+json）。除下列成员外，部分问题还带扩展成员"
                + "（如 action、from、to、expectedVersion、currentVersion、retryAfterSeconds），客户端应忽略不认识的成员。");
        problem.addProperty("type", described(Schemas.of("string", "uri"), "问题类型 URI，以 code 结尾"));
        problem.addProperty("title", described(Schemas.of("string", null), "简短标题（默认中文，Accept-Language: en 时英文）"));
        Schema<Object> status = described(Schemas.of("integer", "int32"), "HTTP 状态码");
        status.setMinimum(java.math.BigDecimal.valueOf(400));
        status.setMaximum(java.math.BigDecimal.valueOf(599));
        problem.addProperty("status", status);
        problem.addProperty("detail", described(Schemas.of("string", null), "本次的具体说明与下一步"));
        problem.addProperty("instance", described(Schemas.of("string", "uri-reference"), "出问题的请求路径"));
        problem.addProperty("code", described(Schemas.of("string", null), "稳定的问题代码，客户端据此分支，如 validation-failed、illegal-transition"));
        Schema<Object> errors = Schemas.of("array", null);
        errors.setItems(new Schema<>().$ref(Schemas.REF_PREFIX + PROBLEM_ERROR));
        errors.setDescription("逐个字段的问题；没有时为空数组");
        problem.addProperty("errors", errors);
        problem.addProperty("traceId", described(Schemas.of("string", null), "追踪编号：咨询或报告问题时请提供"));
        problem.setRequired(List.of("type", "title", "status", "code", "errors"));
        problem.setAdditionalProperties(true);
        components.addSchemas(PROBLEM, problem);

        RESPONSES.forEach((status_, nameAndText) -> {
            ApiResponse response = new ApiResponse().description(nameAndText[1])
                    .content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(Schemas.REF_PREFIX + PROBLEM))));
            if (status_.equals("429")) {
                response.addHeaderObject("Retry-After", new Header().description("再试之前应等待的秒数")
                        .schema(Schemas.of("integer", "int32")));
            }
            components.addResponses(nameAndText[0], response);
        });
    }

    /**
     * The statuses {@code operation} can answer with a problem: 400 when it takes parameters or a body; 401
     * and 403 when it needs a token; 404 under a path variable; 409 for a change (POST/PUT/PATCH/DELETE);
     * 422 for a change with a body; 412 and 428 under {@code If-Match}; 429 always (the gateway's rate limit).
     */
    static List<String> statusesFor(PathItem.HttpMethod method, String path, Operation operation, boolean secured) {
        boolean change = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
        var statuses = new java.util.ArrayList<String>();
        if (parameters || body) statuses.add("400");
        if (secured) { statuses.add("401"); statuses.add("403"); }
        if (path.contains("{")) statuses.add("404");
        if (change) statuses.add("409");
        if (ifMatch) statuses.add("412");
        if (change && body) statuses.add("422");
        if (ifMatch) statuses.add("428");
        statuses.add("429");
        return statuses;
    }

    /** Adds the problem answers that apply, leaving any the service declared itself. */
    static void addTo(ApiResponses responses, List<String> statuses) {
        for (String status : statuses) {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + RESPONSES.get(status)[0]));
            } else {
                // a declared answer of this status: its body is a problem all the same
                ApiResponse declared = responses.get(status);
                if (declared.get$ref() == null && (declared.getContent() == null || declared.getContent().isEmpty()
                        || declared.getContent().containsKey("*/*"))) {
                    declared.setContent(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref(Schemas.REF_PREFIX + PROBLEM))));
                }
            }
        }
    }

    private static Schema<Object> described(Schema<Object> schema, String description) {
        schema.setDescription(description);
        return schema;
    }
}
