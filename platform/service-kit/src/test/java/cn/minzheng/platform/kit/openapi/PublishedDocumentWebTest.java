package cn.minzheng.platform.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.TestInfra;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document a client generator reads (issue 16 item 5), fetched from a running test service without a
 * token (as the gateway's {@code /v3/api-docs/<service>} route does) and checked property by property.
 */
@SpringBootTest(classes = OpenApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                // the kit tests' name: Logback is configured per JVM, and the other web tests read it in log lines
                "spring.application.name=kit-test",
                "minzheng.openapi.operation-id-prefix=demo",
                "minzheng.security.public-paths=/api/v1/demo/public/**,/v3/api-docs/**",
                "minzheng.openapi.title=民政服务平台 示例服务 API",
                "minzheng.openapi.version=1.4.0",
                "minzheng.openapi.description=测试用的示例服务",
                "minzheng.openapi.server-url=https://gateway.minzheng.example",
                "spring.kafka.consumer.group-id=kit-openapi-test"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedDocumentWebTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @LocalServerPort
    int port;

    JsonNode doc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("minzheng.security.jwk-set-uri", () -> TestInfra.issuer().jwkSetUri());
        registry.add("minzheng.security.issuer", () -> TestInfra.issuer().issuer());
        registry.add("spring.kafka.bootstrap-servers", () -> TestInfra.infra().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> TestInfra.infra().mongoUri("kit_openapi"));
    }

    @BeforeAll
    void fetch() throws Exception {
        byte[] body = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/openapi-demo-service.json"), body);
        doc = JsonMapper.builder().build().readTree(new String(body, StandardCharsets.UTF_8));
    }

    /** Every operation as "METHOD path" → its object. */
    Map<String, JsonNode> operations() {
        var out = new TreeMap<String, JsonNode>();
        for (var path : doc.path("paths").properties()) {
            for (var op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    out.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return out;
    }

    JsonNode op(String key) {
        JsonNode node = operations().get(key);
        assertThat(node).as(key + " in " + operations().keySet()).isNotNull();
        return node;
    }

    @Test
    void title_version_and_the_gateway_as_the_one_server() {
        assertThat(doc.path("openapi").asString()).startsWith("3.1");
        assertThat(doc.path("info").path("title").asString()).isEqualTo("民政服务平台 示例服务 API");
        assertThat(doc.path("info").path("version").asString()).isEqualTo("1.4.0");
        assertThat(doc.path("info").path("description").asString()).isEqualTo("测试用的示例服务");
        assertThat(doc.path("servers")).hasSize(1);
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("https://gateway.minzheng.example");
    }

    @Test
    void devstack_fixtures_and_their_schemas_are_not_published() {
        assertThat(doc.path("paths").propertyNames()).noneMatch(p -> p.contains("/admin/fixtures"));
        assertThat(doc.path("components").path("schemas").propertyNames()).noneMatch(n -> n.contains("Fixture"));
    }

    @Test
    void bearer_scheme_on_every_protected_operation_and_none_on_public_ones() {
        JsonNode scheme = doc.path("components").path("securitySchemes").path("bearerAuth");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.has("security")).as("no global requirement: each operation says").isFalse();
        operations().forEach((key, op) -> {
            JsonNode security = op.path("security");
            assertThat(security.isArray()).as(key + " states its security").isTrue();
            if (key.contains("/public/")) {
                assertThat(security).as(key + " is public").isEmpty();
            } else {
                assertThat(security).as(key).hasSize(1);
                assertThat(security.get(0).has("bearerAuth")).as(key).isTrue();
            }
        });
        assertThat(operations().keySet()).anyMatch(k -> k.contains("/public/")).anyMatch(k -> !k.contains("/public/"));
    }

    @Test
    void problem_schema_has_the_rfc_9457_members_and_the_platform_extensions() {
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertThat(strings(problem.path("required"))).containsExactlyInAnyOrder("type", "title", "status", "code", "errors");
        assertThat(problem.path("properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "code", "errors", "traceId");
        assertThat(problem.path("properties").path("errors").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/ProblemFieldError");
        JsonNode error = doc.path("components").path("schemas").path("ProblemFieldError");
        assertThat(strings(error.path("required"))).containsExactlyInAnyOrder("pointer", "code", "message");
        assertThat(error.path("properties").path("pointer").path("format").asString()).isEqualTo("json-pointer");
    }

    @Test
    void each_operation_lists_the_problems_it_can_answer() {
        assertThat(statuses(op("GET /api/v1/demo/public/notices")))
                .contains("200", "400", "429").doesNotContain("401", "403", "404", "409", "412", "422", "428");
        assertThat(statuses(op("GET /api/v1/demo/public/notices/{number}"))).contains("404").doesNotContain("401", "403");
        assertThat(statuses(op("GET /api/v1/demo/cases/{number}")))
                .contains("400", "401", "403", "404", "429").doesNotContain("409", "412", "422", "428");
        assertThat(statuses(op("POST /api/v1/demo/cases")))
                .contains("400", "401", "403", "409", "422", "429").doesNotContain("404", "412", "428");
        assertThat(statuses(op("POST /api/v1/demo/cases/{number}/withdrawal")))
                .contains("400", "401", "403", "404", "409", "412", "422", "428", "429");
        assertThat(statuses(op("GET /api/v1/demo/exports/records.xlsx"))).doesNotContain("400");
        // every problem answer is application/problem+json with the Problem schema
        operations().forEach((key, op) -> op.path("responses").properties().forEach(e -> {
            if (e.getKey().startsWith("4")) {
                JsonNode response = resolve(e.getValue());
                assertThat(response.path("content").propertyNames()).as(key + " " + e.getKey()).containsExactly("application/problem+json");
                assertThat(response.path("content").path("application/problem+json").path("schema").path("$ref").asString())
                        .as(key + " " + e.getKey()).isEqualTo("#/components/schemas/Problem");
                assertThat(response.path("description").asString()).as(key + " " + e.getKey()).isNotBlank();
            }
        }));
        assertThat(resolve(op("GET /api/v1/demo/cases/{number}").path("responses").path("429")).path("headers").has("Retry-After")).isTrue();
        // every shared answer in the components is used by some operation
        List<String> refs = new ArrayList<>();
        collectRefs(doc.path("paths"), refs);
        assertThat(doc.path("components").path("responses").propertyNames())
                .allMatch(name -> refs.contains("#/components/responses/" + name));
    }

    @Test
    void success_bodies_have_their_real_media_types() {
        operations().forEach((key, op) -> op.path("responses").properties().forEach(e ->
                assertThat(e.getValue().path("content").propertyNames()).as(key + " " + e.getKey()).doesNotContain("*/*")));
        assertThat(success(op("GET /api/v1/demo/cases/{number}")).propertyNames()).containsExactly("application/json");
        assertThat(success(op("POST /api/v1/demo/cases")).propertyNames()).containsExactly("application/json");
        assertThat(success(op("GET /api/v1/demo/cases")).path("application/json").path("schema").path("type").asString())
                .isEqualTo("array");

        JsonNode csv = success(op("GET /api/v1/demo/exports/records.csv"));
        assertThat(csv.propertyNames()).containsExactly("text/csv");
        assertThat(csv.path("text/csv").path("schema").path("type").asString()).isEqualTo("string");
        assertThat(csv.path("text/csv").path("schema").has("items")).isFalse();

        JsonNode ndjson = success(op("GET /api/v1/demo/exports/chains/{chain}.ndjson"));
        assertThat(ndjson.propertyNames()).containsExactly("application/x-ndjson");
        assertThat(ndjson.path("application/x-ndjson").path("schema").path("type").asString()).isEqualTo("string");

        JsonNode xlsx = success(op("GET /api/v1/demo/exports/records.xlsx"));
        assertThat(xlsx.propertyNames()).containsExactly(XLSX);
        assertThat(xlsx.path(XLSX).path("schema").path("type").asString()).isEqualTo("string");
        assertThat(xlsx.path(XLSX).path("schema").path("format").asString()).isEqualTo("binary");
    }

    @Test
    void operation_ids_are_unique_prefixed_and_derived_from_the_handlers() {
        List<String> ids = new ArrayList<>();
        operations().forEach((key, op) -> ids.add(op.path("operationId").asString()));
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.startsWith("demo")).noneMatch(id -> id.matches(".*_\\d+$"));
        assertThat(op("GET /api/v1/demo/cases").path("operationId").asString()).isEqualTo("demoCaseList");
        assertThat(op("GET /api/v1/demo/public/notices").path("operationId").asString()).isEqualTo("demoPublicNoticeList");
        assertThat(op("POST /api/v1/demo/cases/{number}/withdrawal").path("operationId").asString()).isEqualTo("demoCaseWithdraw");
        assertThat(op("GET /api/v1/demo/exports/records.xlsx").path("operationId").asString()).isEqualTo("demoExportXlsx");
        assertThat(strings(op("GET /api/v1/demo/cases").path("tags"))).containsExactly("demo-case");
        // overloaded handler methods: flagged (WARN) and told apart by their HTTP method, not by a counter
        assertThat(op("POST /api/v1/demo/cases/verifications").path("operationId").asString()).isEqualTo("demoCaseVerifyPost");
        assertThat(op("GET /api/v1/demo/cases/{number}/verification").path("operationId").asString()).isEqualTo("demoCaseVerifyGet");
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asString()));
        assertThat(tags).containsExactly("demo-case", "demo-export", "demo-public-notice");
        doc.path("tags").forEach(t -> assertThat(t.path("description").asString()).as(t.toString()).isNotBlank());
        // a summary for every operation (a linter's error otherwise): the handler, until the service writes one
        operations().forEach((key, op) -> assertThat(op.path("summary").asString()).as(key).isNotBlank());
        assertThat(op("POST /api/v1/demo/cases").path("summary").asString()).isEqualTo("CaseController.submit");
    }

    /**
     * Answers: every record component not marked as possibly absent is required. Request bodies (by default,
     * until the service marks its optional request components): only what is sure — primitives here.
     */
    @Test
    void record_components_are_required_unless_marked_as_possibly_absent() {
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(strings(schemas.path("DemoCaseView").path("required")))
                .containsExactlyInAnyOrder("number", "status", "submittedAt", "version");
        assertThat(strings(schemas.path("DemoDecision").path("required"))).containsExactlyInAnyOrder("outcome", "reason");
        assertThat(strings(schemas.path("DemoNotice").path("required"))).containsExactlyInAnyOrder("number", "text");
        assertThat(strings(schemas.path("DemoCaseRequest").path("required"))).containsExactly("truthfulnessCommitment");
        assertThat(schemas.path("DemoMember").has("required")).isFalse();
        assertThat(schemas.path("DemoReason").has("required")).isFalse();
        // the kit's working notes never reach the published document
        assertThat(doc.toString()).doesNotContain("x-minzheng");
    }

    @Test
    void query_parameters_are_typed() {
        JsonNode list = op("GET /api/v1/demo/cases");
        assertThat(param(list, "limit").path("type").asString()).isEqualTo("integer");
        assertThat(param(list, "from").path("format").asString()).isEqualTo("date-time");
        assertThat(param(list, "to").path("format").asString()).isEqualTo("date-time");
        assertThat(param(list, "cursor").path("type").asString()).isEqualTo("string");
        assertThat(param(list, "cursor").has("format")).isFalse();
        // a parameter the handler takes typed keeps its type (a chain range's sequence numbers)
        JsonNode chain = op("GET /api/v1/demo/exports/chains/{chain}.ndjson");
        assertThat(param(chain, "from").path("type").asString()).isEqualTo("integer");
        assertThat(param(chain, "from").path("format").asString()).isEqualTo("int64");
    }

    @Test
    void schema_names_carry_the_service_prefix_and_every_reference_resolves() {
        Set<String> names = new HashSet<>(doc.path("components").path("schemas").propertyNames());
        assertThat(names).contains("DemoCaseView", "DemoCaseRequest", "DemoDecision", "Problem", "ProblemFieldError");
        assertThat(names).allMatch(n -> n.startsWith("Demo") || n.startsWith("Problem"));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            String[] parts = ref.substring(2).split("/");
            JsonNode target = doc;
            for (String part : parts) target = target.path(part);
            assertThat(target.isMissingNode()).as("dangling " + ref).isFalse();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    JsonNode resolve(JsonNode maybeRef) {
        String ref = maybeRef.path("$ref").asString("");
        if (ref.isEmpty()) return maybeRef;
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) target = target.path(part);
        return target;
    }

    static List<String> statuses(JsonNode op) {
        return new ArrayList<>(op.path("responses").propertyNames());
    }

    static JsonNode success(JsonNode op) {
        for (var e : op.path("responses").properties()) {
            if (e.getKey().startsWith("2")) return e.getValue().path("content");
        }
        throw new AssertionError("no 2xx answer in " + op);
    }

    static JsonNode param(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if (p.path("name").asString().equals(name)) return p.path("schema");
        }
        throw new AssertionError("no parameter " + name + " in " + op);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asString());
                else collectRefs(e.getValue(), refs);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
