package cn.minzheng.topology.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import cn.minzheng.topology.compose.ComposeProject;
import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.hosts.HostProcess;
import cn.minzheng.topology.hosts.Network;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

/**
 * The run used as people would, once everything is up: Keycloak's realm as shipped, a citizen who
 * applies, a clerk who accepts, an auditor who reads the case's timeline with the request's trace id,
 * Prometheus with every target up and every rule loaded, the management port closed to the public,
 * and a service host killed and started again.
 */
final class Checks {

    private static final String COUNTY = "421303";
    private static final String TOWNSHIP = "421303001";

    private final ComposeProject compose;
    private final Network network;
    private final Stack stack;
    private final Health health;
    private final Report report;
    private final RunSettings settings;
    private final String gateway;

    Checks(ComposeProject compose, Network network, Stack stack, Health health, Report report, RunSettings settings) {
        this.compose = compose;
        this.network = network;
        this.stack = stack;
        this.health = health;
        this.report = report;
        this.settings = settings;
        this.gateway = "http://" + network.host("gateway").address() + ":" + serverPort("gateway");
    }

    void run() {
        publishedPorts();
        KeycloakAdmin keycloak = keycloak();
        String run = Run.unique();
        String password = "Topology-" + Run.unique() + "-" + Run.unique();
        keycloak.createTestClient();
        keycloak.createUser("citizen-" + run, password, "张", "三", "CITIZEN", COUNTY);
        keycloak.createUser("clerk-" + run, password, "李", "四", "CLERK", TOWNSHIP);
        keycloak.createUser("auditor-" + run, password, "王", "五", "AUDITOR", COUNTY);
        String citizen = keycloak.token("citizen-" + run, password);
        String clerk = keycloak.token("clerk-" + run, password);
        String auditor = keycloak.token("auditor-" + run, password);
        report.pass("users created through Keycloak's admin API; tokens from the realm's token endpoint");
        issuer(citizen);
        String number = journey(citizen, clerk, auditor);
        new ConsoleChecks(compose, network, report).run("citizen-" + run, password, number);
        new KafkaChecks(compose, network, settings, report).run();
        management();
        prometheus();
        killAndRestart("assistance-service", clerk, number);
    }

    // ---- Keycloak ---------------------------------------------------------------------------------------

    private KeycloakAdmin keycloak() {
        ComposeService service = compose.service("keycloak");
        Map<String, String> env = service.environment();
        String base = "http://" + network.host("keycloak").address() + ":8080";
        KeycloakAdmin admin = KeycloakAdmin.signIn(base, env.get("KC_BOOTSTRAP_ADMIN_USERNAME"), env.get("KC_BOOTSTRAP_ADMIN_PASSWORD"),
                "topology-run-" + Run.unique());
        JsonNode realm = admin.realm();
        check("the imported realm ships no users", admin.users().size() == 0, () -> admin.users().toString());
        List<String> passwordGrant = new ArrayList<>();
        admin.clients().forEach(c -> {
            if (c.path("directAccessGrantsEnabled").asBoolean(false) && !c.path("clientId").asString().equals("admin-cli")) {
                passwordGrant.add(c.path("clientId").asString());
            }
        });
        check("no client of the realm has the password grant", passwordGrant.isEmpty(), passwordGrant::toString);
        check("brute-force protection is on", realm.path("bruteForceProtected").asBoolean(false), () -> "bruteForceProtected=false");
        return admin;
    }

    private void issuer(String token) {
        String iss = KeycloakAdmin.claims(token).path("iss").asString();
        for (String name : List.of("gateway", "assistance-service", "org-service", "audit-service")) {
            String expected = compose.service(name).environment().get("MINZHENG_SECURITY_ISSUER");
            check("the token's issuer is what " + name + " trusts (" + expected + ")", iss.equals(expected), () -> "iss=" + iss);
        }
    }

    // ---- a citizen applies, a clerk accepts, an auditor reads the timeline --------------------------------

    private String journey(String citizen, String clerk, String auditor) {
        // while a service is not yet registered the gateway answers 503, and its circuit breaker for that
        // service counts each as a failure in a window of its last 20 calls (gateway/application.yml); the
        // window is full of successes only after 20 in a row — before that one more call can open it
        int[] inARow = {0};
        await("the gateway routes to assistance-service, org-service and audit-service (Eureka), 20 rounds in a row",
                Duration.ofSeconds(240), () -> {
            while (inARow[0] < 20) {
                int a = Http.send("GET", gateway + "/api/v1/assistance/applications/mine", bearer(citizen), null).status();
                int o = Http.send("GET", gateway + "/api/v1/orgs/public/organizations?name=" + java.net.URLEncoder.encode("协会",
                        java.nio.charset.StandardCharsets.UTF_8), Map.of(), null).status();
                int t = Http.send("GET", gateway + "/api/v1/audit/chains", bearer(auditor), null).status();
                if (a != 200 || o != 200 || t != 200) {
                    inARow[0] = 0;
                    return false;
                }
                inARow[0]++;
            }
            return true;
        });
        String traceId = Run.traceId();
        Map<String, String> headers = new LinkedHashMap<>(bearer(citizen));
        headers.put("Idempotency-Key", java.util.UUID.randomUUID().toString());
        headers.put("traceparent", "00-" + traceId + "-" + Run.spanId() + "-01");
        // as a client does (docs/api.md): a 503 is retried later with the same Idempotency-Key, never twice applied
        Http.Answer submitted = Http.send("POST", gateway + "/api/v1/assistance/applications", headers, application());
        long retryUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int retries = 0;
        while ((submitted.status() == 503 || submitted.status() == 504) && System.nanoTime() < retryUntil) {
            Stack.sleepQuietly(2000);
            retries++;
            submitted = Http.send("POST", gateway + "/api/v1/assistance/applications", headers, application());
        }
        Http.Answer applied = submitted;
        check("a citizen applies for 低保 through the gateway with a Keycloak token (201"
                + (retries == 0 ? "" : ", after " + retries + " retries of a 503 with the same Idempotency-Key") + ")",
                applied.status() == 201, applied::toString);
        if (applied.status() != 201) {
            throw new IllegalStateException("no case to follow: the application was not accepted");
        }
        String number = submitted.json().path("number").asString();
        long version = submitted.json().path("version").asLong(1);
        Map<String, String> ifMatch = new LinkedHashMap<>(bearer(clerk));
        ifMatch.put("If-Match", "\"" + version + "\"");
        Http.Answer accepted = Http.send("POST", gateway + "/api/v1/assistance/applications/" + number + "/acceptance", ifMatch, Map.of());
        check("a clerk accepts case " + number + " (200)", accepted.status() == 200, accepted::toString);
        JsonNode[] timeline = new JsonNode[1];
        await("the auditor's timeline of " + number + " shows the submission and the acceptance", Duration.ofSeconds(90), () -> {
            Http.Answer answer = Http.send("GET", gateway + "/api/v1/audit/timeline/" + number, bearer(auditor), null);
            if (answer.status() != 200) {
                return false;
            }
            timeline[0] = answer.json();
            return has(timeline[0], "minzheng.assistance.application.submitted.v1") != null
                    && has(timeline[0], "minzheng.assistance.application.accepted.v1") != null;
        });
        JsonNode submission = has(timeline[0], "minzheng.assistance.application.submitted.v1");
        check("the timeline's submission carries the trace id of the citizen's request (" + traceId + ")",
                traceId.equals(submission.path("traceId").asString()), submission::toString);
        return number;
    }

    private static JsonNode has(JsonNode timeline, String type) {
        for (JsonNode entry : timeline.path("entries")) {
            if (type.equals(entry.path("type").asString())) {
                return entry;
            }
        }
        return null;
    }

    /** The README's first request: a one-person urban 低保 household (a valid test ID number). */
    private static Map<String, Object> application() {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", "张三");
        member.put("idNumber", "42130319800101123X");
        member.put("relation", "SELF");
        member.put("incomes", List.of(Map.of("category", "WAGES", "monthlyAmount", "300.00")));
        member.put("authorizationSigned", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("program", "DIBAO_URBAN");
        body.put("applicantIdNumber", "42130319800101123X");
        body.put("regionCode", "421303001001");
        body.put("truthfulnessCommitment", true);
        body.put("members", List.of(member));
        return body;
    }

    // ---- ports ------------------------------------------------------------------------------------------

    private void publishedPorts() {
        List<String> everywhere = new ArrayList<>();
        compose.services().values().forEach(s -> s.ports().forEach(p -> {
            report.step("published: " + s.name() + " " + p.hostAddress() + ":" + p.hostPort() + " → " + p.containerPort()
                    + " (the run reaches it at " + network.host(s.name()).address() + ":" + p.containerPort() + ")");
            if (p.onAllInterfaces()) {
                everywhere.add(s.name());
            }
        }));
        check("only the gateway is published on every interface", everywhere.equals(List.of("gateway")), everywhere::toString);
    }

    private void management() {
        Http.Answer metrics = Http.send("GET", gateway + "/actuator/metrics", Map.of(), null);
        Http.Answer routes = Http.send("GET", gateway + "/actuator/gateway/routes", Map.of(), null);
        check("the gateway's public port serves no metrics or routes to anyone (" + metrics.status() + ", " + routes.status() + ")",
                metrics.status() != 200 && routes.status() != 200 && !routes.body().contains("lb://"), () -> metrics + " / " + routes);
        String managementPort = compose.service("gateway").environment().get("MANAGEMENT_SERVER_PORT");
        Http.Answer scrape = Http.send("GET", "http://" + network.host("gateway").address() + ":" + managementPort + "/actuator/prometheus", Map.of(), null);
        check("the management port " + managementPort + " (not published) serves the metrics inside the network",
                scrape.status() == 200 && scrape.body().contains("http_server_requests"), scrape::toString);
    }

    // ---- Prometheus -------------------------------------------------------------------------------------

    private void prometheus() {
        String base = "http://" + network.host("prometheus").address() + ":9090";
        JsonNode[] targets = new JsonNode[1];
        await("Prometheus reports every scrape target up", Duration.ofSeconds(120), () -> {
            Http.Answer answer = Http.send("GET", base + "/api/v1/targets?state=active", Map.of(), null);
            if (answer.status() != 200) {
                return false;
            }
            targets[0] = answer.json().path("data").path("activeTargets");
            if (targets[0].size() == 0) {
                return false;
            }
            for (JsonNode target : targets[0]) {
                if (!"up".equals(target.path("health").asString())) {
                    return false;
                }
            }
            return true;
        }, () -> {
            List<String> down = new ArrayList<>();
            if (targets[0] != null) {
                targets[0].forEach(t -> {
                    if (!"up".equals(t.path("health").asString())) {
                        down.add(t.path("scrapeUrl").asString() + " " + t.path("health").asString() + ": " + t.path("lastError").asString());
                    }
                });
            }
            return "— not up: " + down;
        });
        List<String> jobs = new ArrayList<>();
        targets[0].forEach(t -> jobs.add(t.path("labels").path("job").asString() + "=" + t.path("health").asString()));
        report.step("scrape targets: " + jobs);
        int expected = ruleCount();
        Http.Answer rules = Http.send("GET", base + "/api/v1/rules", Map.of(), null);
        int loaded = 0;
        for (JsonNode group : rules.json().path("data").path("groups")) {
            loaded += group.path("rules").size();
        }
        int count = loaded;
        check("Prometheus loaded every rule of alerts.yml (" + count + " of " + expected + ")", count == expected && expected > 0, rules::toString);
        if (stack.process("alertmanager").isPresent()) {
            await("Prometheus sends alerts to the Alertmanager", Duration.ofSeconds(60), () ->
                    Http.send("GET", base + "/api/v1/alertmanagers", Map.of(), null).json().path("data").path("activeAlertmanagers").size() > 0);
        }
        Http.Answer quit = Http.send("POST", base + "/-/quit", Map.of(), null);
        check("Prometheus's lifecycle API is off (POST /-/quit answers " + quit.status() + ")", quit.status() != 200
                && Http.send("GET", base + "/-/ready", Map.of(), null).status() == 200, quit::toString);
    }

    private int ruleCount() {
        Path alerts = settings.root().resolve("deploy/prometheus/alerts.yml");
        try {
            Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(alerts));
            int count = 0;
            for (Object group : (List<?>) parsed.get("groups")) {
                count += ((List<?>) ((Map<?, ?>) group).get("rules")).size();
            }
            return count;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- a host killed and started again ----------------------------------------------------------------

    private void killAndRestart(String name, String clerk, String number) {
        ComposeService service = compose.service(name);
        String policy = service.restart().orElse("no");
        check(name + " has a restart policy that brings it back (" + policy + ")", policy.equals("unless-stopped") || policy.equals("always"), () -> policy);
        HostProcess process = stack.process(name).orElseThrow();
        try {
            process.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        report.step("killed " + name + " (SIGKILL, pid " + process.pid() + "); starting it again as restart: " + policy + " would");
        HostProcess again = process.restart();
        stack.replace(name, again);
        health.awaitHealthy(service, service.healthcheckSettings());
        // healthy is not yet registered: the restarted instance is a new one in Eureka (random instance id), and
        // until the gateway has fetched it the gateway answers 503; a cold JVM's first answers may miss the
        // route's 5 s limit (504). A safe GET is retried later on either, as a client does (docs/api.md)
        Http.Answer next = Http.send("GET", gateway + "/api/v1/assistance/applications/" + number, bearer(clerk), null);
        long retryUntil = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int retries = 0;
        while ((next.status() == 503 || next.status() == 504) && System.nanoTime() < retryUntil) {
            Stack.sleepQuietly(2000);
            retries++;
            next = Http.send("GET", gateway + "/api/v1/assistance/applications/" + number, bearer(clerk), null);
        }
        Http.Answer answer = next;
        check("after the restart a request through the gateway succeeds (" + answer.status()
                + (retries == 0 ? ", the first" : ", after " + retries + " retries of a 503/504 while the new instance registered and warmed up") + ")",
                answer.status() == 200, answer::toString);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String serverPort(String service) {
        return compose.service(service).environment().getOrDefault("SERVER_PORT", "8080");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private void check(String what, boolean ok, Supplier<String> why) {
        report.check(what, ok, why);
    }

    private void await(String what, Duration limit, Supplier<Boolean> condition) {
        report.await(what, limit, condition, () -> "");
    }

    private void await(String what, Duration limit, Supplier<Boolean> condition, Supplier<String> detail) {
        report.await(what, limit, condition, detail);
    }

}
