package cn.minzheng.assistance.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style hostile input against every assistance endpoint: a seeded generator (seed in the
 * failure message; {@code -Dhostile.seed=} to replay, {@code -Dhostile.requests=} for more) sends
 * malformed JSON, wrongly typed values, unknown fields, oversized values, invalid ID numbers,
 * injection-looking strings in paths, queries and fields, wrong methods, wrong content types and
 * malformed idempotency keys. Every answer must be a 4xx {@code application/problem+json}, never a
 * 5xx, and nothing may change: the citizen's own case keeps its version, no case or standard is added.
 */
class HostileInputTest extends ServiceTestBase {
    static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    static final int REQUESTS = Integer.getInteger("hostile.requests", 200);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final String CITIZEN = token("hostile-citizen", "CITIZEN", "421303001");
    static final String CLERK = token("hostile-clerk", "CLERK", "421303001");
    static final String APPROVER = token("hostile-approver", "APPROVER", "421303");
    static final String ADMIN = token("hostile-admin", "ADMIN", "421303");

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "{\"$gt\":\"\"}", "$where", "{\"$ne\":null}",
            "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://127.0.0.1/a}", "; rm -rf /",
            "1; DROP TABLE applications", ".*", "\u0000", "%00", "421303001001-20260901-0001' || '1'=='1",
            "\\u0000", "'\"><img src=x>", "{{7*7}}", "#{7*7}", "NaN", "-1");
    static final List<String> MALFORMED = List.of("{", "{\"reason\":}", "nul", "{'reason':'x'}", "[", "{\"a\":1,}",
            "{\"reason\":\"x\"", "}{", "\"unterminated", "{\"reason\" \"x\"}", "tru", "{\"a\":01}", "{\"a\":.5}",
            "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "/* c */ {}", "{\"reason\":\"x\"}}",
            "[".repeat(3000) + "]".repeat(3000));
    static final List<String> BAD_IDS = List.of("110105194912310021", "11010519491231002", "1101051949123100211",
            "11010520991231002X", "110105194902300028", "11010519491231002Y", "ABCDEFGHIJKLMNOPQR",
            "１１０１０５１９４９１２３１００２Ｘ", "110105 19491231002X", "' OR '1'='1", "000000000000000000");

    /** An endpoint with the role that may use it and, for commands, a valid body to spoil. */
    record Endpoint(String method, String path, String token, String validBody, boolean bodyOptional) {
        boolean takesBody() {
            return validBody != null;
        }
    }

    /** One hostile request, described for the failure message. */
    record Hostile(String kind, String method, String path, String token, String contentType, byte[] body,
                   Map<String, String> headers) {
        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return kind + " " + method + " " + path + " [" + contentType + "] "
                    + (text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text)
                    + (headers.isEmpty() ? "" : " " + headers);
        }
    }

    int seq = 600;

    @Test
    void everyHostileRequestIsA4xxProblemAndNothingIsStored() {
        String number = (String) http.post().uri("/api/v1/assistance/applications")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Requests.dibao(599, "800.00")).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("number");
        String before = snapshot(number);

        List<Endpoint> endpoints = endpoints(number);
        Random random = new Random(SEED);
        List<String> violations = new ArrayList<>();
        String previous = "";
        for (int i = 0; i < REQUESTS; i++) {
            Hostile h = generate(random, endpoints, number);
            EntityExchangeResult<byte[]> answer;
            try {
                answer = send(h);
            } catch (RuntimeException | AssertionError e) {
                violations.add(h + " → no answer: " + e + " (after " + previous + ")");
                continue;
            } finally {
                previous = h.toString().substring(0, Math.min(120, h.toString().length()));
            }
            int status = answer.getStatus().value();
            MediaType type = answer.getResponseHeaders().getContentType();
            boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (status < 400 || status >= 500 || !problem) {
                byte[] content = answer.getResponseBodyContent();
                String text = content == null ? "" : new String(content, StandardCharsets.UTF_8);
                violations.add(h + " → " + status + " " + type + " "
                        + (text.length() > 200 ? text.substring(0, 200) : text));
            }
        }
        assertThat(violations).as("answers that were not a 4xx problem (seed " + SEED + ")").isEmpty();
        assertThat(snapshot(number)).as("nothing stored or changed (seed " + SEED + ")").isEqualTo(before);
    }

    List<Endpoint> endpoints(String number) {
        String app = "/api/v1/assistance/applications/" + number;
        String reason = "{\"reason\":\"情况变化\"}";
        return List.of(
                new Endpoint("POST", "/api/v1/assistance/applications", CITIZEN, "SUBMISSION", false),
                new Endpoint("POST", app + "/resubmission", CITIZEN, "SUBMISSION", false),
                new Endpoint("POST", app + "/withdrawal", CITIZEN, reason, false),
                new Endpoint("POST", app + "/supplement-request", CLERK, "{\"missingItems\":[\"户口簿\",\"收入证明\"]}", false),
                new Endpoint("POST", app + "/acceptance", CLERK, "{}", true),
                new Endpoint("POST", app + "/non-acceptance", CLERK, reason, false),
                new Endpoint("POST", app + "/home-visits", CLERK, "{\"staffIds\":[\"a\",\"b\"],\"findings\":\"住房简陋\","
                        + "\"visitedOn\":\"2026-09-07\",\"membersPresent\":[\"张三\"]}", false),
                new Endpoint("POST", app + "/economic-checks", CLERK,
                        "{\"summary\":\"无车辆\",\"incomeConfirmed\":true,\"supporterAble\":false}", false),
                new Endpoint("POST", app + "/economic-checks/platform-request", CLERK, "{}", true),
                new Endpoint("POST", app + "/opinion", CLERK, "{\"recommendApproval\":true,\"reason\":\"符合条件\"}", false),
                new Endpoint("POST", app + "/publicity", CLERK, "{}", true),
                new Endpoint("POST", app + "/publicity/objections", CLERK, reason, false),
                new Endpoint("POST", app + "/publicity/completion", CLERK, "{}", true),
                new Endpoint("POST", app + "/decision", APPROVER, "{\"approve\":false,\"unstableIncome\":false,\"reason\":\"收入超标\"}", false),
                new Endpoint("POST", app + "/emergency-payment", CLERK, "{\"amount\":\"2000.00\",\"reason\":\"火灾\"}", false),
                new Endpoint("POST", app + "/record-completion", CLERK, reason, false),
                new Endpoint("POST", app + "/recheck", CLERK, reason, true),
                new Endpoint("POST", app + "/recheck/confirmation", APPROVER, "{\"unstableIncome\":true}", true),
                new Endpoint("POST", app + "/amount-change", APPROVER, reason, false),
                new Endpoint("POST", app + "/suspension", APPROVER, reason, false),
                new Endpoint("POST", app + "/resumption", APPROVER, reason, false),
                new Endpoint("POST", app + "/phase-out", APPROVER, "{\"months\":6,\"reason\":\"就业\"}", false),
                new Endpoint("POST", app + "/termination", APPROVER, reason, false),
                new Endpoint("POST", app + "/provider", CLERK, "{\"providerId\":\"org-1\"}", false),
                new Endpoint("POST", "/api/v1/assistance/standards", ADMIN, "{\"regionPrefix\":\"421303\",\"kind\":\"DIBAO_URBAN\","
                        + "\"effectiveFrom\":\"2098-01\",\"monthlyAmount\":\"720.00\",\"source\":\"hostile test\"}", false),
                new Endpoint("GET", app, CITIZEN, null, false),
                new Endpoint("GET", app + "/calculation", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/applications/mine", CITIZEN, null, false),
                new Endpoint("GET", "/api/v1/assistance/applications", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/applications/due", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/providers", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/public/publicity", null, null, false),
                new Endpoint("GET", "/api/v1/assistance/standards", CLERK, null, false),
                // the payment roll: a month too far ahead (refused whatever else is spoiled) and a batch that does not exist
                new Endpoint("POST", "/api/v1/assistance/payment-batches", CLERK,
                        "{\"regionCode\":\"421303\",\"month\":\"2099-01\"}", false),
                new Endpoint("POST", "/api/v1/assistance/payment-batches/421303-2020-01/approval", APPROVER, null, false),
                new Endpoint("POST", "/api/v1/assistance/payment-batches/421303-2020-01/bank-file?format=csv", CLERK, null, false),
                new Endpoint("POST", "/api/v1/assistance/payment-batches/421303-2020-01/publication", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/payment-batches/421303-2020-01", CLERK, null, false),
                new Endpoint("GET", "/api/v1/assistance/public/payment-batches/421303-2020-01/recipients", null, null, false));
    }

    Hostile generate(Random r, List<Endpoint> endpoints, String number) {
        List<Endpoint> commands = endpoints.stream().filter(Endpoint::takesBody).toList();
        Endpoint e = pick(r, commands);
        return switch (r.nextInt(10)) {
            case 0 -> malformed(r, e);
            case 1, 2 -> wrongType(r, e);
            case 3 -> unknownField(r, e);
            case 4 -> oversized(r, e);
            case 5 -> invalidIdNumber(r);
            case 6 -> injection(r, number);
            case 7 -> wrongMethod(r, pick(r, endpoints));
            case 8 -> wrongContentType(r, e);
            default -> badIdempotencyKey(r);
        };
    }

    Hostile malformed(Random r, Endpoint e) {
        List<String> bodies = new ArrayList<>(MALFORMED);
        if (!e.bodyOptional()) {
            bodies.addAll(List.of("", "null", "\"just text\"", "42", "true", "[]"));
        } else {
            bodies.addAll(List.of("\"just text\"", "42", "true", "[]", "[{}]"));
        }
        byte[] body = r.nextInt(8) == 0 ? randomBytes(r) : pick(r, bodies).getBytes(StandardCharsets.UTF_8);
        return json("malformed", e, body);
    }

    Hostile wrongType(Random r, Endpoint e) {
        JsonNode root = template(e);
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        if (paths.isEmpty()) {
            return json("wrong-root-type", e, pick(r, List.of("[]", "\"x\"", "7", "false", "[{}]")).getBytes(StandardCharsets.UTF_8));
        }
        String path = pick(r, paths);
        JsonNode original = root.at(path);
        set(root, path, wrongValueFor(r, original));
        return json("wrong-type " + path, e, bytes(root));
    }

    Hostile unknownField(Random r, Endpoint e) {
        JsonNode root = template(e);
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        String name = pick(r, List.of("isAdmin", "$where", "__proto__", "constructor", "status", "version",
                "ownerSubject", "_id", "approved", "roles", "Reason", "REASON", "reason "));
        pick(r, objects).put(name, pick(r, List.of("x", "true", "1")));
        return json("unknown-field " + name, e, bytes(root));
    }

    Hostile oversized(Random r, Endpoint e) {
        JsonNode root = template(e);
        List<String> strings = new ArrayList<>();
        strings(root, "", strings);
        if (strings.isEmpty() || r.nextInt(6) == 0) {
            // far beyond the codec's in-memory limit
            ObjectNode big = root.isObject() ? (ObjectNode) root : NODES.objectNode();
            big.put(strings.isEmpty() ? "padding" : strings.get(0).substring(1).replace("/", "_"), "字".repeat(200_000));
            return json("oversized-body", e, bytes(big));
        }
        String path = pick(r, strings);
        set(root, path, NODES.stringNode(pick(r, List.of("长", "a", "1", " ")).repeat(2_001 + r.nextInt(20_000))));
        return json("oversized " + path, e, bytes(root));
    }

    Hostile invalidIdNumber(Random r) {
        ObjectNode body = JSON.valueToTree(Requests.dibao(seq++, "800.00"));
        int member = r.nextInt(3);
        String bad = pick(r, BAD_IDS);
        ((ObjectNode) body.at("/members/" + member)).put("idNumber", bad);
        if (member == 0 && r.nextBoolean()) {
            body.put("applicantIdNumber", bad);
        }
        return new Hostile("invalid-id /members/" + member, "POST", "/api/v1/assistance/applications", CITIZEN,
                MediaType.APPLICATION_JSON_VALUE, bytes(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    Hostile injection(Random r, String number) {
        String inj = pick(r, INJECTIONS);
        String enc = URLEncoder.encode(inj, StandardCharsets.UTF_8).replace("+", "%20");
        String app = "/api/v1/assistance/applications";
        return switch (r.nextInt(9)) {
            case 0 -> get("injection-path", app + "/" + enc, CITIZEN);
            case 1 -> new Hostile("injection-path", "POST", app + "/" + enc + "/withdrawal", CITIZEN,
                    MediaType.APPLICATION_JSON_VALUE, "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                    Map.of(HttpHeaders.IF_MATCH, "\"1\""));
            case 2 -> get("injection-query", app + "?" + pick(r, List.of("status", "program", "region", "cursor", "overdue"))
                    + "=" + enc, CLERK);
            case 3 -> get("injection-query", app + "/mine?cursor=" + enc, CITIZEN);
            case 4 -> get("injection-query", "/api/v1/assistance/public/publicity?" + pick(r, List.of("region", "cursor"))
                    + "=" + enc, null);
            case 5 -> {
                String list = pick(r, List.of("/mine?limit=", "?limit=", "/due?limit="));
                yield get("bad-query", app + list + pick(r, List.of("-1", "0", "abc", "100000", "1e9", "1.5", "101", enc)), list.startsWith("/mine") ? CITIZEN : CLERK);
            }
            case 6 -> get("bad-query", app + "/due?withinDays=" + pick(r, List.of("-5", "61", "abc", "1e3", "99999999999")), CLERK);
            case 7 -> get("bad-query", app + "?" + pick(r, List.of("status=NOPE", "status=submitted", "program=0",
                    "program=dibao_urban", "overdue=maybe", "region=4213030010011", "region=abc")), CLERK);
            default -> {
                ObjectNode body = JSON.valueToTree(Requests.dibao(seq++, "800.00"));
                String field = pick(r, List.of("/regionCode", "/program", "/members/1/relation", "/members/0/labourCapacity",
                        "/members/0/incomes/0/category", "/members/0/incomes/0/monthlyAmount", "/applicantIdNumber"));
                set(body, field, NODES.stringNode(inj));
                yield new Hostile("injection-field " + field, "POST", app, CITIZEN, MediaType.APPLICATION_JSON_VALUE,
                        bytes(body), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            }
        };
    }

    Hostile wrongMethod(Random r, Endpoint e) {
        String method = e.takesBody() ? pick(r, List.of("PUT", "DELETE", "PATCH", "GET"))
                : pick(r, List.of("PUT", "DELETE", "PATCH", "POST"));
        if (e.path().endsWith("/api/v1/assistance/applications") && method.equals("GET")) {
            method = "PUT";
        }
        if (e.path().endsWith("/api/v1/assistance/standards") && method.matches("GET|POST")) {
            method = "DELETE";
        }
        String body = e.takesBody() ? templateText(e) : "{}";
        return new Hostile("wrong-method", method, e.path(), e.token(), MediaType.APPLICATION_JSON_VALUE,
                body.getBytes(StandardCharsets.UTF_8), ifMatch(e));
    }

    Hostile wrongContentType(Random r, Endpoint e) {
        String type = pick(r, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "text/html", "application/octet-stream", "image/png", "application/yaml"));
        return new Hostile("wrong-content-type", "POST", e.path(), e.token(), type,
                templateText(e).getBytes(StandardCharsets.UTF_8), ifMatch(e));
    }

    Hostile badIdempotencyKey(Random r) {
        String key = pick(r, List.of("has space", "x".repeat(129), "semi;colon", "{\"$gt\":1}", "a/b", "\"quoted\"", "é"));
        return new Hostile("bad-idempotency-key", "POST", "/api/v1/assistance/applications", CITIZEN,
                MediaType.APPLICATION_JSON_VALUE, bytes(JSON.valueToTree(Requests.dibao(seq++, "800.00"))),
                Map.of("Idempotency-Key", key));
    }

    // ---- building and sending -------------------------------------------------------------------

    Hostile json(String kind, Endpoint e, byte[] body) {
        return new Hostile(kind, "POST", e.path(), e.token(), MediaType.APPLICATION_JSON_VALUE, body, ifMatch(e));
    }

    Hostile get(String kind, String path, String token) {
        return new Hostile(kind, "GET", path, token, null, null, Map.of());
    }

    /** Commands carry the current version so the body, not a stale version, is what is refused. */
    Map<String, String> ifMatch(Endpoint e) {
        if (e.path().endsWith("/applications") || e.path().endsWith("/standards")) {
            return Map.of("Idempotency-Key", UUID.randomUUID().toString());
        }
        return Map.of(HttpHeaders.IF_MATCH, "\"1\"");
    }

    EntityExchangeResult<byte[]> send(Hostile h) {
        WebTestClient.RequestBodySpec spec = http.mutate().responseTimeout(java.time.Duration.ofSeconds(5)).build().method(HttpMethod.valueOf(h.method()))
                .uri(URI.create("http://127.0.0.1:" + port + h.path()));
        // Keep-alive connections, reused across requests: many answers here come before the body is
        // read (405, 415, a refused Idempotency-Key), and the next request on that connection must
        // still be answered (the service kit drops unread bodies before such an answer).
        if (h.token() != null) {
            spec = spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + h.token());
        }
        for (Map.Entry<String, String> header : h.headers().entrySet()) {
            spec = spec.header(header.getKey(), header.getValue());
        }
        WebTestClient.RequestHeadersSpec<?> ready = spec;
        if (h.body() != null) {
            ready = spec.header(HttpHeaders.CONTENT_TYPE, h.contentType()).bodyValue(h.body());
        }
        return ready.exchange().expectBody().returnResult();
    }

    /** The citizen's case, the citizen's list, the standards: what a stored hostile request would change. */
    String snapshot(String number) {
        String own = new String(http.get().uri("/api/v1/assistance/applications/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        JsonNode c = JSON.readTree(own);
        JsonNode mine = JSON.readTree(http.get().uri("/api/v1/assistance/applications/mine?limit=100")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CITIZEN).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent());
        JsonNode standards = JSON.readTree(http.get().uri("/api/v1/assistance/standards")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent());
        return "case " + c.path("status").asString() + " v" + c.path("version").asLong() + "; mine "
                + mine.path("items").size() + "; standards " + standards.size();
    }

    JsonNode template(Endpoint e) {
        return JSON.readTree(templateText(e));
    }

    String templateText(Endpoint e) {
        return e.validBody().equals("SUBMISSION") ? JSON.writeValueAsString(Requests.dibao(seq++, "800.00")) : e.validBody();
    }

    static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    static byte[] randomBytes(Random r) {
        byte[] b = new byte[1 + r.nextInt(64)];
        r.nextBytes(b);
        return b;
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A value of another JSON type than {@code original} (never null: a missing value may be legal). */
    static JsonNode wrongValueFor(Random r, JsonNode original) {
        List<Function<Random, JsonNode>> options = new ArrayList<>();
        if (!original.isString()) {
            options.add(x -> NODES.stringNode(pick(x, List.of("true", "1", "yes", "800.00", "x", ""))));
        }
        if (!original.isNumber()) {
            options.add(x -> NODES.numberNode(pick(x, List.of(0, 1, 42, -1))));
            options.add(x -> NODES.numberNode(pick(x, List.of(1.5, -1.5, 1e10, 800.00))));
        }
        if (!original.isBoolean()) {
            options.add(x -> NODES.booleanNode(x.nextBoolean()));
        }
        if (!original.isArray()) {
            options.add(x -> NODES.arrayNode().add(original.deepCopy()));
        }
        if (!original.isObject()) {
            options.add(x -> NODES.objectNode().set("value", original.deepCopy()));
        }
        return pick(r, options).apply(r);
    }

    /** JSON pointers of every value below the root (leaves and containers). */
    static void collect(JsonNode node, String at, List<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                out.add(at + "/" + f.getKey());
                collect(f.getValue(), at + "/" + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(at + "/" + i);
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }

    static void strings(JsonNode node, String at, List<String> out) {
        if (node.isString()) {
            out.add(at);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                strings(f.getValue(), at + "/" + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(node.get(i), at + "/" + i, out);
            }
        }
    }

    static void objects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
        }
        for (JsonNode child : node) {
            objects(child, out);
        }
    }

    static void set(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? root : root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }
}
