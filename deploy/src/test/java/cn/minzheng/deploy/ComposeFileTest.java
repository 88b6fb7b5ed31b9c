package cn.minzheng.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shape of docker-compose.yml and its side files: every deployable module of the reactor has a
 * compose service built from this repository with the settings it needs, every long-running piece
 * has a health check, every mounted file exists. What makes the stack fail to start or unsafe is
 * checked by meaning in {@link DeploymentChecks} (DeploymentChecksTest); the stack itself is started
 * by the production-topology run.
 */
class ComposeFileTest {

    /** Infrastructure the services need; each must have a health check too. */
    private static final List<String> INFRASTRUCTURE = List.of(
            "mongo", "kafka", "keycloak-db", "keycloak", "prometheus", "alertmanager", "grafana", "jaeger");

    private static final List<String> CLIENT_SETTINGS = List.of(
            "EUREKA_CLIENT_SERVICEURL_DEFAULTZONE",
            "MINZHENG_SECURITY_ISSUER",
            "MINZHENG_SECURITY_JWK_SET_URI",
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            // Boot 4's names (Boot 3's MANAGEMENT_OTLP_TRACING_ENDPOINT is ignored by Boot 4)
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
            "MANAGEMENT_TRACING_SAMPLING_PROBABILITY");

    private static Path root;
    private static Map<String, Object> services;

    @BeforeAll
    static void readCompose() throws IOException {
        root = Path.of("").toAbsolutePath().getParent();
        Path compose = root.resolve("docker-compose.yml");
        assertThat(compose).as("docker-compose.yml at the repository root").exists();
        try (Reader reader = Files.newBufferedReader(compose)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = map(document.get("services"));
        }
    }

    /** Service modules are the reactor modules that run as their own process in production. */
    static List<String> deployableModules() throws IOException {
        String pom = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("pom.xml"));
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            String module = m.group(1);
            if (module.endsWith("-service") || module.equals("gateway")) {
                modules.add(module);
            }
        }
        return modules;
    }

    /** Business services own a MongoDB database (they depend on the service kit). */
    static boolean ownsDatabase(String module) throws IOException {
        Path pom = Path.of("").toAbsolutePath().getParent().resolve(module).resolve("pom.xml");
        return Files.readString(pom).contains("<artifactId>platform-service-kit</artifactId>");
    }

    @Test
    void theReactorHasDeployableModules() throws IOException {
        assertThat(deployableModules())
                .contains("registry-service", "gateway", "assistance-service", "org-service", "audit-service");
    }

    @TestFactory
    Stream<DynamicTest> everyServiceModuleHasAComposeServiceBuiltFromThisRepository() throws IOException {
        return deployableModules().stream().map(module -> DynamicTest.dynamicTest(module, () -> {
            assertThat(services).as("compose services").containsKey(module);
            Map<String, Object> build = map(map(services.get(module)).get("build"));
            assertThat(build.get("context")).as(module + " build context").isEqualTo(".");
            assertThat(map(build.get("args")).get("MODULE")).as(module + " build arg MODULE").isEqualTo(module);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyServiceCarriesTheSettingsItNeeds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String module : deployableModules()) {
            if (module.equals("registry-service")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(module, () -> {
                Map<String, Object> env = map(map(services.get(module)).get("environment"));
                for (String setting : CLIENT_SETTINGS) {
                    assertThat(env).as(module + " environment").containsKey(setting);
                    assertThat(String.valueOf(env.get(setting))).as(module + " " + setting).isNotBlank();
                }
                assertThat(String.valueOf(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")))
                        .as(module + " exports spans to Jaeger's OTLP receiver").isEqualTo("http://jaeger:4318/v1/traces");
                assertThat(env).as(module + ": no clock control in production").doesNotContainKey("MINZHENG_CLOCK_ADJUSTABLE");
                if (ownsDatabase(module)) {
                    assertThat(String.valueOf(env.get("SPRING_MONGODB_URI")))
                            .as(module + " SPRING_MONGODB_URI names its own database on the replica set")
                            .startsWith("mongodb://")
                            .contains("replicaSet=rs0");
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyServiceAndPieceOfInfrastructureHasAHealthCheck() throws IOException {
        List<String> names = new ArrayList<>(deployableModules());
        names.addAll(INFRASTRUCTURE);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            assertThat(services).containsKey(name);
            Map<String, Object> health = map(map(services.get(name)).get("healthcheck"));
            assertThat(health).as(name + " healthcheck").containsKey("test");
            assertThat(health.get("test")).as(name + " healthcheck test").isNotNull();
        }));
    }

    @Test
    void businessServicesWaitForTheReplicaSetKafkaAndTheIssuer() throws IOException {
        for (String module : deployableModules()) {
            if (!ownsDatabase(module)) {
                continue;
            }
            Map<String, Object> dependsOn = map(map(services.get(module)).get("depends_on"));
            assertThat(dependsOn).as(module).containsKeys("mongo-init", "kafka", "keycloak", "registry-service");
        }
        Map<String, Object> gatewayDeps = map(map(services.get("gateway")).get("depends_on"));
        assertThat(gatewayDeps).containsKeys("registry-service", "keycloak");
    }

    @Test
    void mongoRunsAsAReplicaSetInitiatedByAOneShotJob() {
        assertThat(String.valueOf(map(services.get("mongo")).get("command"))).contains("--replSet");
        Map<String, Object> init = map(services.get("mongo-init"));
        assertThat(String.valueOf(init.get("entrypoint")) + init.get("command")).contains("/init/init-replica-set.js");
        assertThat(String.valueOf(init.get("volumes"))).contains("./deploy/mongo/init-replica-set.js:/init/init-replica-set.js");
        assertThat(init.get("restart")).as("a job: restarted only when it fails").isEqualTo("on-failure");
    }

    @Test
    void alertmanagerReadsItsConfigurationWherePrometheusSendsAlerts() throws IOException {
        Map<String, Object> alertmanager = map(services.get("alertmanager"));
        assertThat(String.valueOf(alertmanager.get("volumes")))
                .contains("./deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(String.valueOf(alertmanager.get("command"))).contains("--config.file=/etc/alertmanager/alertmanager.yml");
        assertThat(Files.readString(root.resolve("deploy/prometheus/prometheus.yml"))).contains("alertmanager:9093");
        assertThat(String.valueOf(alertmanager.get("ports"))).contains("127.0.0.1:9093:9093");
    }

    @Test
    void theImageKeepsTheLinesTheTopologyRunReads() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("Dockerfile"));
        assertThat(lines).contains("ENV JAVA_TOOL_OPTIONS=\"-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError\"",
                "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]", "WORKDIR /app");
    }

    @Test
    void kafkaRunsInKraftMode() {
        Map<String, Object> env = map(map(services.get("kafka")).get("environment"));
        assertThat(String.valueOf(env.get("KAFKA_PROCESS_ROLES"))).contains("controller").contains("broker");
        assertThat(env).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
    }

    /** Every secret file compose mounts is the operator's: said how to make in the README, never committed. */
    @Test
    void everySecretFileIsDocumentedAndKeptOutOfGit() throws IOException {
        Map<String, Object> secrets = map(readDocument().get("secrets"));
        String readme = Files.readString(root.resolve("deploy/secrets/README.md"));
        List<String> ignored = Files.readAllLines(root.resolve("deploy/secrets/.gitignore"));
        assertThat(ignored).as("deploy/secrets/.gitignore keeps every secret file out of git").contains("*", "!README.md", "!.gitignore");
        assertThat(secrets).as("compose's secrets").isNotEmpty();
        secrets.forEach((name, definition) -> {
            String file = String.valueOf(map(definition).get("file"));
            assertThat(file).as("secret " + name).startsWith("./deploy/secrets/");
            assertThat(readme).as("deploy/secrets/README.md says how to make " + file)
                    .contains("`" + file.substring("./deploy/secrets/".length()) + "`");
        });
    }

    /** Every topic of platform/events Topics.java, and its dead-letter topic, is made by kafka-init (no auto-creation). */
    @Test
    void kafkaInitMakesEveryTopicAndEveryServiceWaitsForIt() throws IOException {
        String topicsJava = Files.readString(root.resolve("platform/events/src/main/java/cn/minzheng/platform/events/Topics.java"));
        Matcher constant = Pattern.compile("static final String [A-Z_]+_EVENTS = \"([^\"]+)\"").matcher(topicsJava);
        List<String> topics = new ArrayList<>();
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        assertThat(topics).contains("assistance.events", "org.events");
        String init = Files.readString(root.resolve("deploy/kafka/kafka-init.sh"));
        Matcher list = Pattern.compile("(?m)^EVENT_TOPICS=\\(([^)]*)\\)").matcher(init);
        assertThat(list.find()).as("kafka-init.sh EVENT_TOPICS=(...)").isTrue();
        assertThat(List.of(list.group(1).trim().split("\\s+"))).as("topics kafka-init makes (each with its .dlt)")
                .containsExactlyInAnyOrderElementsOf(topics);
        Map<String, Object> job = map(services.get("kafka-init"));
        assertThat(job.get("restart")).as("a job: restarted only when it fails").isEqualTo("on-failure");
        assertThat(String.valueOf(job.get("volumes"))).contains("./deploy/kafka/kafka-init.sh:/init/kafka-init.sh:ro");
        List<String> jobSecrets = ((List<?>) job.get("secrets")).stream().map(String::valueOf).toList();
        for (String module : deployableModules()) {
            Map<String, Object> service = map(services.get(module));
            Map<String, Object> env = map(service.get("environment"));
            if (!env.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
                continue;
            }
            assertThat(String.valueOf(map(map(service.get("depends_on")).get("kafka-init")).get("condition")))
                    .as(module + " waits for kafka-init").isEqualTo("service_completed_successfully");
            for (Object secret : (List<?>) service.get("secrets")) {
                if (secret instanceof Map<?, ?> m && "kafka_password".equals(m.get("target"))) {
                    assertThat(jobSecrets).as("kafka-init sets the credential of " + module).contains(String.valueOf(m.get("source")));
                }
            }
        }
    }

    private static Map<String, Object> readDocument() throws IOException {
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
    }

    @Test
    void everyMountedSideFileExists() {
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Object volumes = map(entry.getValue()).get("volumes");
            if (volumes == null) {
                continue;
            }
            for (Object volume : (List<?>) volumes) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(root.resolve(source.substring(2))).as(entry.getKey() + " mounts " + source).exists();
                }
            }
        }
    }

    @Test
    void grafanaProvisionsTheFourDashboards() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        for (String uid : List.of("platform-health", "case-flow", "deadlines", "audit-integrity")) {
            Path file = root.resolve("deploy/grafana/dashboards/" + uid + ".json");
            assertThat(file).as("dashboard " + uid).exists();
            JsonNode dashboard = json.readTree(Files.readString(file));
            assertThat(dashboard.path("uid").asString()).isEqualTo(uid);
            assertThat(dashboard.path("panels").size()).as(uid + " panels").isPositive();
        }
    }

    @Test
    void prometheusScrapesEveryService() throws IOException {
        String prometheus = Files.readString(root.resolve("deploy/prometheus/prometheus.yml"));
        for (String module : deployableModules()) {
            assertThat(prometheus).as("prometheus scrape job for " + module).contains("job_name: " + module);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a YAML mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
