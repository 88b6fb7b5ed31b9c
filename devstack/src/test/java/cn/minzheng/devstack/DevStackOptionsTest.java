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
            "--without", "--jvm-flags", "--c2 --jvm-flags", "--jvm-flags --reset", "--c1", "--mongo-heap",
            "--mongo-heap lots", "--mongo-heap -Xmx4g", "--mongo-heap 4g4", "--mongo-in-memory true"})
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
                ports.gateway(), ports.assistance(), ports.org(), ports.audit(), ports.console())).hasSize(10);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // today's flags unless told otherwise
            "''                                          | -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true",
            "--c2                                        | -Xmx384m -XX:+UseSerialGC -Xss512k -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true",
            // --jvm-flags replaces the tuning; encoding and IPv4 stay, first, so the given flags win
            "--jvm-flags '-Xmx1g -XX:+UseParallelGC'     | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true -Xmx1g -XX:+UseParallelGC",
            "--jvm-flags '  -Xmx1g   -Xss1m '            | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true -Xmx1g -Xss1m",
            "--jvm-flags '-Xmx1g -XX:TieredStopAtLevel=1' --c2 | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true -Xmx1g",
            "--c2 --jvm-flags '-XX:TieredStopAtLevel=1'  | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true",
            "--jvm-flags ''                              | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true",
            "--jvm-flags '--add-opens java.base/java.lang=ALL-UNNAMED' | -Dfile.encoding=UTF-8 -Djava.net.preferIPv4Stack=true --add-opens java.base/java.lang=ALL-UNNAMED",
    })
    void jvmFlagsForEveryComponent(String line, String expected) {
        DevStackOptions options = DevStackOptions.parse(shellWords(line), root);

        assertThat(options.jvmFlags()).containsExactly(expected.trim().split(" "));
    }

    @Test
    void jvmFlagsLeaveTheOtherOptionsAlone() {
        DevStackOptions options = DevStackOptions.parse(
                new String[] {"--reset", "--jvm-flags", "-Xmx2g", "--only", "infra", "--c2"}, root);

        assertThat(options.reset()).isTrue();
        assertThat(options.scope()).isEqualTo(DevStackOptions.Scope.INFRA);
        assertThat(options.jvmFlags()).endsWith("-Xmx2g").noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"));
    }

    @ParameterizedTest(name = "[{0}] -> in memory {1}, heap {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "''                                   | false | -",
            "--mongo-in-memory                    | true  | -",
            "--mongo-heap 4g                      | false | 4g",
            "--mongo-in-memory --mongo-heap 3072m | true  | 3072m",
            "--mongo-heap 6G --mongo-in-memory --c2 | true | 6G",
    })
    void mongoStore(String line, boolean inMemory, String heap) {
        DevStackOptions options = DevStackOptions.parse(shellWords(line), root);

        assertThat(options.mongo()).isEqualTo(new DevStackOptions.MongoStore(inMemory, heap));
        assertThat(options.mongo().jvmFlags()).isEqualTo(heap == null ? java.util.List.of() : java.util.List.of("-Xmx" + heap));
    }

    /** Splits like a shell: white space, except inside single quotes. */
    static String[] shellWords(String line) {
        java.util.List<String> words = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
