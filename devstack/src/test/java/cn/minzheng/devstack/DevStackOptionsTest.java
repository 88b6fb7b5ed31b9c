package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DevStackOptionsTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "[{0}] -> reset={1}, scope={2}")
    @CsvSource(delimiter = '|', value = {
            "''                       | false | ALL",
            "--reset                  | true  | ALL",
            "--only infra             | false | INFRA",
            "--only infra --reset     | true  | INFRA",
            "--reset --only infra     | true  | INFRA",
    })
    void parsesFlags(String line, boolean reset, DevStackOptions.Scope scope) {
        DevStackOptions options = DevStackOptions.parse(line.isBlank() ? new String[0] : line.split(" "), root);

        assertThat(options.reset()).isEqualTo(reset);
        assertThat(options.scope()).isEqualTo(scope);
        assertThat(options.ports()).isEqualTo(Ports.defaults());
        assertThat(options.issuer()).isEqualTo("http://localhost:9000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--only services", "--only", "--data", "--port 1", "infra", "--help", "--without kafka",
            "--without"})
    void rejectsAnythingElseWithUsage(String line) {
        assertThatThrownBy(() -> DevStackOptions.parse(line.split(" "), root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("usage: devstack");
    }

    @Test
    void findsTheRepositoryRootFromASubfolderAndKeepsDataInDotDevstack() throws Exception {
        Files.createFile(root.resolve("pom.xml"));
        Files.createDirectories(root.resolve("devstack"));
        Path sub = Files.createDirectories(root.resolve("org-service").resolve("src"));

        DevStackOptions options = DevStackOptions.parse(new String[0], sub);

        assertThat(options.root()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(options.dataDir()).isEqualTo(root.toAbsolutePath().normalize().resolve(".devstack"));
    }

    @Test
    void withoutTakesACommaSeparatedListAndRepeats() {
        DevStackOptions options = DevStackOptions.parse(
                new String[] {"--without", "org-service,audit-service", "--without", "gateway"}, root);

        assertThat(options.without()).containsExactlyInAnyOrder("org-service", "audit-service", "gateway");
    }

    @Test
    void explicitDataFolderWins() {
        DevStackOptions options = DevStackOptions.parse(new String[] {"--root", root.toString(), "--data", root.resolve("d").toString()}, Path.of(""));

        assertThat(options.dataDir()).isEqualTo(root.resolve("d").toAbsolutePath().normalize());
    }

    @Test
    void otherPortsMoveTheIssuerClaimAlong() {
        Ports ports = Ports.free();
        DevStackOptions options = DevStackOptions.defaults(root).withPorts(ports);

        assertThat(options.issuer()).isEqualTo("http://localhost:" + ports.issuer());
        assertThat(java.util.Set.of(ports.kafka(), ports.kafkaController(), ports.mongo(), ports.issuer(), ports.registry(),
                ports.gateway(), ports.assistance(), ports.org(), ports.audit())).hasSize(9);
    }
}
