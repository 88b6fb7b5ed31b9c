package cn.minzheng.topology.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml read as compose reads it: the repository's file and small made-up ones. */
class ComposeProjectTest {

    private static final Path REPOSITORY_COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path TOPOLOGY_ENV = Path.of("topology.env");

    @Test
    void theRepositoryFileLoadsWithTheRunsVariablesAndStartsInDependencyOrder() {
        ComposeProject compose = ComposeProject.load(REPOSITORY_COMPOSE, EnvFile.read(TOPOLOGY_ENV));
        List<String> order = compose.inStartOrder().stream().map(ComposeService::name).toList();
        compose.services().values().forEach(service -> service.dependsOn().keySet().forEach(dependency ->
                assertThat(order.indexOf(dependency)).as(service + " after " + dependency).isLessThan(order.indexOf(service.name()))));
        Map<String, String> gateway = compose.service("gateway").environment();
        assertThat(gateway.get("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE"))
                .isEqualTo("http://eureka:" + EnvFile.read(TOPOLOGY_ENV).get("EUREKA_PASSWORD") + "@registry-service:8761/eureka");
        assertThat(compose.service("audit-service").buildModule()).hasValue("audit-service");
        assertThat(compose.service("audit-service").secrets()).contains("audit-signing-key", "audit_record_key");
        assertThat(compose.service("gateway").secretMounts())
                .contains(new ComposeService.SecretMount("kafka_gateway_password", "/run/secrets/kafka_password"));
        assertThat(compose.service("kafka-init").user()).hasValue("root");
    }

    @Test
    void everySecretTheRunsEnvFileSetsIsOneComposeRequires() {
        assertThat(ComposeProject.requiredVariables(REPOSITORY_COMPOSE))
                .containsExactlyInAnyOrderElementsOf(EnvFile.read(TOPOLOGY_ENV).keySet());
    }

    @Test
    void anUnsetRequiredVariableNamesItselfAndWhereItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                services:
                  registry:
                    environment:
                      REGISTRY_PASSWORD: ${EUREKA_PASSWORD:?EUREKA_PASSWORD is required}
                """);
        assertThatThrownBy(() -> ComposeProject.load(file, Map.of()))
                .isInstanceOf(Interpolation.MissingVariable.class)
                .hasMessage("error while interpolating services.registry.environment.REGISTRY_PASSWORD:"
                        + " required variable EUREKA_PASSWORD is missing a value: EUREKA_PASSWORD is required")
                .satisfies(e -> assertThat(((Interpolation.MissingVariable) e).variable()).isEqualTo("EUREKA_PASSWORD"));
    }

    @Test
    void anchorsMergeKeysAndBothEnvironmentFormsAreRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docker-compose.yml");
        Files.writeString(file, """
                x-env: &env
                  SHARED: "1"
                services:
                  a:
                    image: apache/kafka:4.2.1
                    environment:
                      <<: *env
                      OWN: ${OWN:-default}
                    healthcheck: {test: ["CMD-SHELL", "exec 3<>/dev/tcp/127.0.0.1/9000"], interval: 10s, retries: 3, start_period: 1m}
                    ports: ["127.0.0.1:8180:8080", "8080:8080"]
                    volumes: ["data:/var/lib/x", "./file.yml:/etc/x.yml:ro"]
                  b:
                    environment: ["K=V", "EMPTY="]
                    depends_on: [a]
                volumes:
                  data:
                """);
        ComposeProject compose = ComposeProject.load(file, new LinkedHashMap<>());
        ComposeService a = compose.service("a");
        assertThat(a.environment()).containsExactly(Map.entry("SHARED", "1"), Map.entry("OWN", "default"));
        assertThat(a.healthcheck().orElseThrow().program()).isEqualTo("bash");
        assertThat(a.ports()).extracting(ComposeService.PublishedPort::onAllInterfaces).containsExactly(false, true);
        assertThat(a.volumes()).extracting(ComposeService.Mount::kind)
                .containsExactly(ComposeService.Mount.Kind.VOLUME, ComposeService.Mount.Kind.BIND);
        assertThat(a.volumes().get(1).readOnly()).isTrue();
        assertThat(compose.service("b").environment()).containsExactly(Map.entry("K", "V"), Map.entry("EMPTY", ""));
        assertThat(compose.service("b").dependsOn()).containsExactly(Map.entry("a", "service_started"));
        assertThat(compose.declaresVolume("data")).isTrue();
    }
}
