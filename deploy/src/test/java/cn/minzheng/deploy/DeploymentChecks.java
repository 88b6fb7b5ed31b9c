package cn.minzheng.deploy;

import static cn.minzheng.deploy.Deployment.list;
import static cn.minzheng.deploy.Deployment.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What keeps the compose stack from starting, or makes it unsafe, read as an operator would read the
 * files — one check per defect of issue 13. A check is a function from the {@link Deployment} to the
 * violations it finds, each naming the service or file and what is wrong. {@code DeploymentChecksTest}
 * runs every check on the repository (no violation) and on the deployment before issue 13 (at least
 * one), so none of them can pass by only finding a key.
 */
final class DeploymentChecks {

    /** A named check; {@code defect} quotes what issue 13 says goes wrong without it. */
    record Check(String name, String defect, Function<Deployment, List<String>> violations) {
        @Override
        public String toString() {
            return name;
        }
    }

    private DeploymentChecks() {
    }

    static List<Check> all() {
        return List.of(
                new Check("one-shot jobs are awaited to completion, long-running services to health",
                        "mongo-init exits before its first probe; services waiting for service_healthy never start",
                        DeploymentChecks::startOrder),
                new Check("every Spring service's environment variable binds to a property",
                        "MINZHENG_AUDIT_SIGNING_KEY_FILE binds to nothing; audit-service generates a key it cannot write",
                        DeploymentChecks::environmentBinds),
                new Check("Eureka clients read defaultZone from compose and register their own address",
                        "a literal defaultZone ignores EUREKA_CLIENT_SERVICEURL_DEFAULTZONE; a fixed 127.0.0.1 routes the gateway to itself",
                        DeploymentChecks::eurekaClients),
                new Check("audit-service signs with the key compose mounts as a secret, never a generated one",
                        "the key-file setting binds to no property; the service generates a key under data/ in /",
                        DeploymentChecks::auditSigningKey),
                new Check("Kafka writes its log into its volume under a fixed cluster id",
                        "no KAFKA_LOG_DIRS: data outside the kafka-data volume; no fixed cluster id",
                        DeploymentChecks::kafkaData),
                new Check("Kafka authenticates every client, authorises by ACL and makes no topic on a produce",
                        "PLAINTEXT with no authentication or ACLs and topic auto-creation on: anyone on the network writes the evidence (issue 14)",
                        DeploymentChecks::kafkaSecurity),
                new Check("Mongo's replica-set key is made once and kept on a volume",
                        "keyfile regenerated on every start (breaks adding members later)",
                        DeploymentChecks::mongoKeyFile),
                new Check("every secret is required by name and none falls back to change-me",
                        "every secret falls back to change-me",
                        DeploymentChecks::requiredSecrets),
                new Check("every long-running service restarts and has a memory limit",
                        "no restart policies, no memory limits",
                        DeploymentChecks::restartAndMemory),
                new Check("only the gateway is published on all interfaces; tools on 127.0.0.1",
                        "Keycloak's admin console, Prometheus, Grafana and Jaeger are published on all interfaces",
                        DeploymentChecks::publishedPorts),
                new Check("actuator is on a management port that is not published, and health checks use it",
                        "the gateway's /actuator/metrics and /actuator/gateway/routes answer anyone on :8080",
                        DeploymentChecks::managementPort),
                new Check("Prometheus has no lifecycle API and starts with the stack",
                        "--web.enable-lifecycle: an anonymous POST /-/quit stops it; it waits for the gateway's health",
                        DeploymentChecks::prometheusService),
                new Check("Prometheus scrapes each service where it serves /actuator/prometheus",
                        "the registry-service target is always down (no prometheus endpoint)",
                        DeploymentChecks::scrapeTargets),
                new Check("Prometheus sends alerts to an Alertmanager of the stack",
                        "no alerting:",
                        DeploymentChecks::alerting),
                new Check("Keycloak runs in production mode on a database kept in a volume",
                        "Keycloak runs start-dev (dev database, no volume): realm changes vanish on recreate",
                        DeploymentChecks::keycloakMode),
                new Check("Keycloak's health check reads the status line",
                        "grep -q UP also matches a DOWN body",
                        DeploymentChecks::keycloakHealthCheck),
                new Check("the imported realm has no users, no password grant and brute-force protection",
                        "demo users with published passwords (admin/demo-admin), a public client with the password grant",
                        DeploymentChecks::productionRealm),
                new Check("the audit database role may update and delete idempotency keys, never trail records",
                        "the audit database role cannot update or delete idempotency_keys, which the kit does",
                        DeploymentChecks::auditRole),
                new Check("the image runs in a working directory its user owns",
                        "a relative data/ lands in /, which uid 10001 cannot write",
                        DeploymentChecks::imageWorkingDirectory),
                new Check("the guide and deploy/env.example name the variables compose reads",
                        "REGISTRY_USER/REGISTRY_PASSWORD in the guide; compose reads EUREKA_PASSWORD",
                        DeploymentChecks::documentedVariables));
    }

    // ---- start order -----------------------------------------------------------------------------

    static List<String> startOrder(Deployment d) {
        List<String> violations = new ArrayList<>();
        d.services().forEach((name, definition) -> {
            for (Map.Entry<String, Object> dep : dependsOn(map(definition)).entrySet()) {
                String target = dep.getKey();
                String condition = String.valueOf(map(dep.getValue()).getOrDefault("condition", "service_started"));
                if (!d.services().containsKey(target)) {
                    violations.add(name + " depends on " + target + ", which compose does not define");
                } else if (d.isOneShot(target)) {
                    if (!condition.equals("service_completed_successfully")) {
                        violations.add(name + " waits for the one-shot job " + target + " with " + condition
                                + " (a job that exits is never healthy: service_completed_successfully)");
                    }
                } else if (condition.equals("service_healthy") && !d.service(target).containsKey("healthcheck")) {
                    violations.add(name + " waits for " + target + " to be healthy, but it has no health check");
                } else if (condition.equals("service_completed_successfully")) {
                    violations.add(name + " waits for the long-running " + target + " to complete: it never does");
                }
            }
        });
        return violations;
    }

    private static Map<String, Object> dependsOn(Map<String, Object> service) {
        Object deps = service.get("depends_on");
        if (deps instanceof List<?> names) {
            Map<String, Object> started = new LinkedHashMap<>();
            names.forEach(n -> started.put(String.valueOf(n), Map.of("condition", "service_started")));
            return started;
        }
        return map(deps);
    }

    // ---- Spring services' environment ------------------------------------------------------------

    static List<String> environmentBinds(Deployment d) {
        List<String> violations = new ArrayList<>();
        d.springConfigs().forEach((service, config) -> d.environment(service).keySet().stream()
                .filter(variable -> !config.binds(variable))
                .forEach(variable -> violations.add(service + ": " + variable
                        + " binds to no property of its application.yml (nor a placeholder there, nor a Boot/Cloud property)")));
        return violations;
    }

    static List<String> eurekaClients(Deployment d) {
        List<String> violations = new ArrayList<>();
        d.springConfigs().forEach((service, config) -> {
            if (config.value("eureka.client.register-with-eureka").map("false"::equals).orElse(false)) {
                return; // the registry itself
            }
            Optional<String> zone = config.value("eureka.client.service-url.defaultZone");
            if (zone.isEmpty() || !zone.get().contains("${EUREKA_CLIENT_SERVICEURL_DEFAULTZONE")) {
                violations.add(service + ": eureka.client.service-url.defaultZone is " + zone.orElse("unset")
                        + " — EUREKA_CLIENT_SERVICEURL_DEFAULTZONE only reaches it as a placeholder (map keys bind lower-cased)");
            }
            Optional<String> ip = config.value("eureka.instance.ip-address");
            if (ip.isPresent() && !ip.get().matches("\\$\\{[A-Za-z0-9_.\\-]+}")) {
                violations.add(service + ": eureka.instance.ip-address is fixed (" + ip.get()
                        + "); every instance would register that address instead of its own");
            }
        });
        return violations;
    }

    static List<String> auditSigningKey(Deployment d) {
        List<String> violations = new ArrayList<>();
        String service = "audit-service";
        SpringConfig config = d.springConfigs().get(service);
        if (config == null) {
            return List.of("no audit-service built from the repository");
        }
        Map<String, String> env = d.environment(service);
        String keyFile = valueOfProperty(env, "MINZHENG_AUDIT_CHECKPOINT_KEYFILE", "MINZHENG_AUDIT_CHECKPOINT_KEY_FILE");
        Set<String> mounted = new LinkedHashSet<>();
        for (Object secret : list(d.service(service).get("secrets"))) {
            mounted.add("/run/secrets/" + (secret instanceof Map<?, ?> m
                    ? String.valueOf(m.get("target") != null ? m.get("target") : m.get("source")) : secret));
        }
        if (keyFile == null) {
            violations.add(service + ": compose does not set minzheng.audit.checkpoint.key-file (env MINZHENG_AUDIT_CHECKPOINT_KEYFILE)");
        } else if (!mounted.contains(keyFile)) {
            violations.add(service + ": key-file " + keyFile + " is not a secret the service mounts " + mounted);
        }
        String generate = valueOfProperty(env, "MINZHENG_AUDIT_CHECKPOINT_GENERATEIFMISSING", "MINZHENG_AUDIT_CHECKPOINT_GENERATE_IF_MISSING");
        if (!"false".equals(generate)) {
            violations.add(service + ": generate-if-missing is not false: a missing key would be replaced by a new one");
        }
        return violations;
    }

    private static String valueOfProperty(Map<String, String> env, String... names) {
        for (String name : names) {
            if (env.containsKey(name)) {
                return env.get(name);
            }
        }
        return null;
    }

    // ---- Kafka and Mongo data --------------------------------------------------------------------

    static List<String> kafkaData(Deployment d) {
        List<String> violations = new ArrayList<>();
        Map<String, String> env = d.environment("kafka");
        String logDirs = env.get("KAFKA_LOG_DIRS");
        if (logDirs == null || logDirs.isBlank()) {
            violations.add("kafka: KAFKA_LOG_DIRS unset — the image writes its log outside the mounted volume");
        } else {
            for (String dir : logDirs.split(",")) {
                if (!insideNamedVolume(d, "kafka", dir.trim())) {
                    violations.add("kafka: log dir " + dir + " is not inside a named volume " + d.namedVolumes("kafka"));
                }
            }
        }
        String clusterId = env.get("CLUSTER_ID");
        if (clusterId == null || clusterId.isBlank()) {
            violations.add("kafka: no fixed CLUSTER_ID — a recreated container formats a new cluster");
        }
        return violations;
    }

    private static final Pattern JAAS_USER = Pattern.compile("username=\"([^\"]+)\"");
    private static final Pattern JAAS_PASSWORD = Pattern.compile("password=\"([^\"]*)\"");

    static List<String> kafkaSecurity(Deployment d) {
        List<String> violations = new ArrayList<>();
        Map<String, String> kafka = d.environment("kafka");
        String protocols = kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        if (protocols == null) {
            violations.add("kafka: no KAFKA_LISTENER_SECURITY_PROTOCOL_MAP — its listeners are PLAINTEXT (no authentication)");
        } else {
            for (String entry : protocols.split(",")) {
                String[] pair = entry.trim().split(":");
                if (pair.length != 2 || !pair[1].startsWith("SASL_")) {
                    violations.add("kafka: listener " + entry.trim() + " authenticates no one");
                }
            }
        }
        if (!String.valueOf(kafka.get("KAFKA_AUTHORIZER_CLASS_NAME")).endsWith("StandardAuthorizer")) {
            violations.add("kafka: no authorizer (KAFKA_AUTHORIZER_CLASS_NAME) — every principal may do anything");
        }
        if (!"false".equals(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND"))) {
            violations.add("kafka: KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND is not \"false\"");
        }
        if (!"false".equals(kafka.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))) {
            violations.add("kafka: KAFKA_AUTO_CREATE_TOPICS_ENABLE is not \"false\" — a produce to any name makes a topic");
        }
        kafka.forEach((name, value) -> {
            Matcher password = JAAS_PASSWORD.matcher(value);
            while (password.find()) {
                if (!password.group(1).startsWith("$${dir:")) {
                    violations.add("kafka: " + name + " holds a password in the environment instead of reading its secret");
                }
            }
        });
        Map<String, String> principals = new LinkedHashMap<>();
        d.springConfigs().keySet().forEach(service -> {
            Map<String, String> env = d.environment(service);
            if (!env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                return;
            }
            if (!String.valueOf(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).startsWith("SASL_")) {
                violations.add(service + ": its Kafka clients do not authenticate (SPRING_KAFKA_SECURITY_PROTOCOL)");
            }
            String jaas = env.getOrDefault("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "");
            Matcher user = JAAS_USER.matcher(jaas);
            Matcher password = JAAS_PASSWORD.matcher(jaas);
            if (!user.find() || !password.find()) {
                violations.add(service + ": no principal of its own (SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG)");
                return;
            }
            String previous = principals.put(user.group(1), service);
            if (previous != null) {
                violations.add(service + " and " + previous + " share the Kafka principal " + user.group(1));
            }
            Matcher placeholder = Pattern.compile("\\$\\$\\{([A-Za-z0-9_.\\-]+)}").matcher(password.group(1));
            String configTree = String.valueOf(env.get("SPRING_CONFIG_IMPORT")).replaceFirst("^optional:", "");
            if (!placeholder.matches()) {
                violations.add(service + ": its Kafka password is written in the environment, not read from a secret");
            } else if (!configTree.startsWith("configtree:")
                    || !mountedSecretFiles(d, service).contains(configTree.substring("configtree:".length()) + placeholder.group(1))) {
                violations.add(service + ": the password property " + placeholder.group(1) + " is no secret file under "
                        + configTree + " (mounted: " + mountedSecretFiles(d, service) + ")");
            }
        });
        return violations;
    }

    /** The files a service's secrets become inside the container. */
    static Set<String> mountedSecretFiles(Deployment d, String service) {
        Set<String> files = new LinkedHashSet<>();
        for (Object secret : list(d.service(service).get("secrets"))) {
            String target = secret instanceof Map<?, ?> m ? String.valueOf(m.get("target") != null ? m.get("target") : m.get("source"))
                    : String.valueOf(secret);
            files.add(target.startsWith("/") ? target : "/run/secrets/" + target);
        }
        return files;
    }

    static List<String> mongoKeyFile(Deployment d) {
        List<String> violations = new ArrayList<>();
        List<?> command = list(d.service("mongo").get("command"));
        int at = command.indexOf("--keyFile");
        if (at < 0 || at + 1 >= command.size()) {
            return List.of("mongo: no --keyFile (a replica set with authentication needs one)");
        }
        String keyFile = String.valueOf(command.get(at + 1));
        if (!insideNamedVolume(d, "mongo", keyFile)) {
            violations.add("mongo: keyfile " + keyFile + " is not on a named volume " + d.namedVolumes("mongo"));
        }
        String entrypoint = String.join("\n", list(d.service("mongo").get("entrypoint")).stream().map(String::valueOf).toList());
        if (entrypoint.contains("openssl rand") && !Pattern.compile("\\[\\s*!\\s*-[sef]\\s+" + Pattern.quote(keyFile) + "\\s*]")
                .matcher(entrypoint).find()) {
            violations.add("mongo: the entrypoint makes a new keyfile at every start (no test that " + keyFile + " exists)");
        }
        return violations;
    }

    private static boolean insideNamedVolume(Deployment d, String service, String path) {
        return d.namedVolumes(service).values().stream().anyMatch(target -> path.equals(target) || path.startsWith(target + "/"));
    }

    // ---- secrets, restarts, limits, ports --------------------------------------------------------

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN)$");

    static List<String> requiredSecrets(Deployment d) {
        Set<String> violations = new LinkedHashSet<>();
        for (Deployment.Substitution s : d.substitutions()) {
            if (s.argument().toLowerCase().contains("change-me")) {
                violations.add("${" + s.name() + "} falls back to " + s.argument());
            }
            if (SECRET_NAME.matcher(s.name()).matches()
                    && (!s.operator().equals(":?") || !s.argument().contains(s.name()))) {
                violations.add("${" + s.name() + s.operator() + s.argument() + "} — a secret must be ${" + s.name()
                        + ":?message naming " + s.name() + "}, so compose refuses to start without it");
            }
        }
        d.services().keySet().forEach(service -> d.environment(service).forEach((name, value) -> {
            if (value.toLowerCase().contains("change-me")) {
                violations.add(service + ": " + name + " falls back to change-me (" + value + ")");
            }
        }));
        return List.copyOf(violations);
    }

    static List<String> restartAndMemory(Deployment d) {
        List<String> violations = new ArrayList<>();
        for (String service : d.services().keySet()) {
            if (d.isOneShot(service)) {
                continue;
            }
            Object restart = d.service(service).get("restart");
            if (!"unless-stopped".equals(restart) && !"always".equals(restart)) {
                violations.add(service + ": restart is " + restart + " (a crashed long-running service stays down)");
            }
            Object deployLimit = map(map(map(d.service(service).get("deploy")).get("resources")).get("limits")).get("memory");
            if (d.service(service).get("mem_limit") == null && deployLimit == null) {
                violations.add(service + ": no memory limit (MaxRAMPercentage=75 then sizes the heap from the whole host)");
            }
        }
        return violations;
    }

    static List<String> publishedPorts(Deployment d) {
        List<String> violations = new ArrayList<>();
        for (String service : d.services().keySet()) {
            for (Object port : list(d.service(service).get("ports"))) {
                String hostIp = hostIp(port);
                boolean allInterfaces = hostIp == null || hostIp.equals("0.0.0.0") || hostIp.equals("::");
                if (allInterfaces && !service.equals("gateway")) {
                    violations.add(service + ": " + port + " is published on all interfaces (bind it to 127.0.0.1)");
                } else if (!allInterfaces && !hostIp.equals("127.0.0.1") && !service.equals("gateway")) {
                    violations.add(service + ": " + port + " is published on " + hostIp);
                }
            }
        }
        return violations;
    }

    /** The host address of a port mapping, or null when it binds every interface. */
    static String hostIp(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            Object ip = longSyntax.get("host_ip");
            return ip == null ? null : String.valueOf(ip);
        }
        String[] parts = String.valueOf(port).split(":");
        return parts.length == 3 ? parts[0] : null;
    }

    static List<String> managementPort(Deployment d) {
        List<String> violations = new ArrayList<>();
        for (String service : d.springConfigs().keySet()) {
            String management = d.environment(service).get("MANAGEMENT_SERVER_PORT");
            if (management == null) {
                violations.add(service + ": actuator shares the service port (set MANAGEMENT_SERVER_PORT)");
                continue;
            }
            for (Object port : list(d.service(service).get("ports"))) {
                String[] parts = String.valueOf(port instanceof Map<?, ?> m ? m.get("target") : port).split(":");
                if (parts[parts.length - 1].equals(management)) {
                    violations.add(service + ": the management port " + management + " is published (" + port + ")");
                }
            }
            String health = String.valueOf(map(d.service(service).get("healthcheck")).get("test"));
            if (!health.contains(":" + management + "/actuator/health")) {
                violations.add(service + ": the health check does not ask the management port " + management + ": " + health);
            }
        }
        return violations;
    }

    // ---- Prometheus ------------------------------------------------------------------------------

    static List<String> prometheusService(Deployment d) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> prometheus = d.service("prometheus");
        if (String.valueOf(prometheus.get("command")).contains("--web.enable-lifecycle")) {
            violations.add("prometheus: --web.enable-lifecycle lets anyone who reaches it POST /-/quit");
        }
        for (String dependency : dependsOn(prometheus).keySet()) {
            if (d.springConfigs().containsKey(dependency)) {
                violations.add("prometheus waits for " + dependency + ": no metrics exactly when start-up fails");
            }
        }
        return violations;
    }

    static List<String> scrapeTargets(Deployment d) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> targetsByJob = new LinkedHashMap<>();
        for (Object job : list(d.prometheus().get("scrape_configs"))) {
            List<String> targets = new ArrayList<>();
            for (Object staticConfig : list(map(job).get("static_configs"))) {
                list(map(staticConfig).get("targets")).forEach(t -> targets.add(String.valueOf(t)));
            }
            targetsByJob.put(String.valueOf(map(job).get("job_name")), targets);
            if (!"/actuator/prometheus".equals(map(job).get("metrics_path"))) {
                violations.add("prometheus job " + map(job).get("job_name") + " scrapes " + map(job).get("metrics_path"));
            }
        }
        d.springConfigs().forEach((service, config) -> {
            String exposed = config.value("management.endpoints.web.exposure.include").orElse("");
            if (!List.of(exposed.replace("[", "").replace("]", "").split("\\s*,\\s*")).contains("prometheus")) {
                violations.add(service + ": /actuator/prometheus is not exposed (management.endpoints.web.exposure.include="
                        + exposed + ")");
            }
            String expected = service + ":" + actuatorPort(d, service, config);
            List<String> targets = targetsByJob.values().stream().flatMap(List::stream)
                    .filter(t -> t.startsWith(service + ":")).toList();
            if (!targets.contains(expected)) {
                violations.add(service + ": serves actuator on " + expected + ", Prometheus scrapes " + targets);
            }
        });
        return violations;
    }

    /** Where compose makes the service serve actuator: the management port, else the server port. */
    static String actuatorPort(Deployment d, String service, SpringConfig config) {
        Map<String, String> env = d.environment(service);
        if (env.containsKey("MANAGEMENT_SERVER_PORT")) {
            return env.get("MANAGEMENT_SERVER_PORT");
        }
        if (env.containsKey("SERVER_PORT")) {
            return env.get("SERVER_PORT");
        }
        String port = config.value("server.port").orElse("8080");
        Matcher placeholderDefault = Pattern.compile("\\$\\{[^:}]+:([^}]*)}").matcher(port);
        return placeholderDefault.matches() ? placeholderDefault.group(1) : port;
    }

    static List<String> alerting(Deployment d) {
        List<String> targets = new ArrayList<>();
        for (Object alertmanager : list(map(d.prometheus().get("alerting")).get("alertmanagers"))) {
            for (Object staticConfig : list(map(alertmanager).get("static_configs"))) {
                list(map(staticConfig).get("targets")).forEach(t -> targets.add(String.valueOf(t)));
            }
        }
        if (targets.isEmpty()) {
            return List.of("prometheus.yml has no alerting: alertmanagers — alerts fire and reach no one");
        }
        List<String> violations = new ArrayList<>();
        for (String target : targets) {
            String host = target.split(":")[0];
            if (!d.services().containsKey(host)) {
                violations.add("prometheus sends alerts to " + target + ", not a service of the stack");
            }
        }
        return violations;
    }

    // ---- Keycloak --------------------------------------------------------------------------------

    static List<String> keycloakMode(Deployment d) {
        List<String> violations = new ArrayList<>();
        List<String> command = list(d.service("keycloak").get("command")).stream().map(String::valueOf).toList();
        if (!command.contains("start") || command.contains("start-dev")) {
            violations.add("keycloak: command " + command + " — production mode is `start`");
        }
        Map<String, String> env = d.environment("keycloak");
        String db = env.get("KC_DB");
        if (db == null || db.startsWith("dev-")) {
            violations.add("keycloak: KC_DB is " + db + " (the dev database lives in the container)");
        }
        Matcher host = Pattern.compile("jdbc:\\w+://([^:/]+)").matcher(String.valueOf(env.get("KC_DB_URL")));
        if (!host.find()) {
            violations.add("keycloak: KC_DB_URL names no database host");
        } else if (d.namedVolumes(host.group(1)).isEmpty()) {
            violations.add("keycloak: its database " + host.group(1) + " keeps its data in no named volume");
        }
        return violations;
    }

    static List<String> keycloakHealthCheck(Deployment d) {
        String test = String.valueOf(map(d.service("keycloak").get("healthcheck")).get("test"));
        List<String> violations = new ArrayList<>();
        if (Pattern.compile("grep\\s+(-\\w+\\s+)*\"?UP").matcher(test).find()) {
            violations.add("keycloak: the health check greps the body for UP, which a DOWN body also contains");
        }
        boolean statusLine = test.contains("head -n 1") && test.contains(" 200 ") || test.contains("curl -f");
        if (!statusLine) {
            violations.add("keycloak: the health check does not test the HTTP status: " + test);
        }
        return violations;
    }

    static List<String> productionRealm(Deployment d) {
        JsonNode realm = d.realm();
        List<String> violations = new ArrayList<>();
        if (realm.path("users").size() > 0) {
            violations.add("realm: " + realm.path("users").size() + " users shipped (with their passwords) in the imported realm");
        }
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asString();
            if (!client.path("directAccessGrantsEnabled").isBoolean() || client.path("directAccessGrantsEnabled").asBoolean()) {
                violations.add("realm: client " + id + " allows (or does not refuse) the password grant");
            }
            if (client.path("implicitFlowEnabled").asBoolean(false)) {
                violations.add("realm: client " + id + " allows the implicit flow");
            }
            if (client.path("publicClient").asBoolean(false) && client.path("standardFlowEnabled").asBoolean(true)
                    && !"S256".equals(client.path("attributes").path("pkce.code.challenge.method").asString(""))) {
                violations.add("realm: public client " + id + " does not require PKCE S256");
            }
        }
        if (!realm.path("bruteForceProtected").asBoolean(false)) {
            violations.add("realm: no brute-force protection");
        } else {
            int failures = realm.path("failureFactor").asInt(30);
            if (failures < 1 || failures > 10) {
                violations.add("realm: " + failures + " failures before a lockout");
            }
            if (realm.path("waitIncrementSeconds").asInt(0) < 30) {
                violations.add("realm: a lockout shorter than 30 s");
            }
        }
        return violations;
    }

    // ---- Mongo role ------------------------------------------------------------------------------

    private static final Pattern PRIVILEGE = Pattern.compile(
            "resource:\\s*\\{\\s*db:\\s*\"audit\",\\s*collection:\\s*\"([^\"]*)\"\\s*}\\s*,\\s*actions:\\s*\\[([^]]*)]");

    /** The audit role's privileges in the init script: collection ("" = every collection) → actions. */
    static Map<String, Set<String>> auditPrivileges(String script) {
        Map<String, Set<String>> privileges = new LinkedHashMap<>();
        Matcher m = PRIVILEGE.matcher(script);
        while (m.find()) {
            Set<String> actions = privileges.computeIfAbsent(m.group(1), c -> new LinkedHashSet<>());
            for (String action : m.group(2).split(",")) {
                actions.add(action.trim().replace("\"", ""));
            }
        }
        return privileges;
    }

    static List<String> auditRole(Deployment d) {
        Map<String, Set<String>> privileges = auditPrivileges(d.mongoInit());
        List<String> violations = new ArrayList<>();
        Set<String> idempotency = privileges.getOrDefault("idempotency_keys", Set.of());
        if (!idempotency.containsAll(List.of("update", "remove"))) {
            violations.add("audit role: idempotency_keys allows " + idempotency
                    + " — the kit updates (complete) and deletes (release, forget, cleanup) there");
        }
        // the statistics projections audit-service keeps at ingest (statistics, projection packages): entries set
        // in place ($set), a replaced generation removed (deleteMany) — without both, ingest fails in production
        for (String projection : List.of("record_counts", "on_time_days", "on_time_tallies")) {
            Set<String> actions = privileges.getOrDefault(projection, Set.of());
            if (!actions.containsAll(List.of("update", "remove"))) {
                violations.add("audit role: " + projection + " allows " + actions
                        + " — the projection is updated at ingest and its replaced generation removed");
            }
        }
        for (String evidence : List.of("", "audit_records", "checkpoints")) {
            Set<String> actions = privileges.getOrDefault(evidence, Set.of());
            if (actions.contains("update") || actions.contains("remove")) {
                violations.add("audit role: " + (evidence.isEmpty() ? "every collection" : evidence)
                        + " allows " + actions + " — the trail must have no update or delete path");
            }
        }
        return violations;
    }

    // ---- image, docs -----------------------------------------------------------------------------

    static List<String> imageWorkingDirectory(Deployment d) {
        String runtime = d.dockerfile().substring(d.dockerfile().lastIndexOf("\nFROM "));
        List<String> violations = new ArrayList<>();
        Matcher workdir = Pattern.compile("(?m)^WORKDIR\\s+(\\S+)").matcher(runtime);
        if (!workdir.find()) {
            return List.of("Dockerfile: the runtime stage has no WORKDIR; relative paths land in /");
        }
        String dir = workdir.group(1);
        boolean owned = Pattern.compile("(install -d[^\\n]*-o (app|10001)[^\\n]*" + Pattern.quote(dir) + "\\b)|(chown[^\\n]*(app|10001)[^\\n]*"
                + Pattern.quote(dir) + "\\b)").matcher(runtime).find();
        if (!owned) {
            violations.add("Dockerfile: WORKDIR " + dir + " is not made the app user's (uid 10001 cannot write there)");
        }
        if (!runtime.contains("--uid 10001")) {
            violations.add("Dockerfile: the service user is not uid 10001");
        }
        return violations;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:PASSWORD|USER))\\b");

    static List<String> documentedVariables(Deployment d) {
        Set<String> read = new LinkedHashSet<>();
        d.substitutions().forEach(s -> read.add(s.name()));
        Set<String> containerVariables = new LinkedHashSet<>();
        d.services().keySet().forEach(service -> containerVariables.addAll(d.environment(service).keySet()));
        List<String> violations = new ArrayList<>();
        Matcher mentioned = VARIABLE.matcher(d.operationsGuide());
        Set<String> wrong = new LinkedHashSet<>();
        while (mentioned.find()) {
            String name = mentioned.group(1);
            // a container's own variable, used as $NAME in a command run inside it, is not one to set
            boolean usedInContainer = containerVariables.contains(name) && mentioned.start() > 0
                    && d.operationsGuide().charAt(mentioned.start() - 1) == '$';
            if (!read.contains(name) && !usedInContainer) {
                wrong.add(name);
            }
        }
        wrong.forEach(v -> violations.add("docs/operations.md names " + v
                + ", which compose does not read (an operator would set it for nothing)"));
        if (d.envExample().isEmpty()) {
            violations.add("no deploy/env.example: nothing lists the variables compose reads");
            return violations;
        }
        Set<String> listed = new LinkedHashSet<>();
        Matcher line = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=").matcher(d.envExample().get());
        while (line.find()) {
            listed.add(line.group(1));
        }
        read.stream().filter(v -> !listed.contains(v))
                .forEach(v -> violations.add("deploy/env.example does not list " + v + ", which compose reads"));
        listed.stream().filter(v -> !read.contains(v))
                .forEach(v -> violations.add("deploy/env.example lists " + v + ", which compose does not read"));
        return violations;
    }
}
