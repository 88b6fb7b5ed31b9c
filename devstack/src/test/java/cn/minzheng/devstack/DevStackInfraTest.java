package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import cn.minzheng.platform.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real embedded infrastructure, each piece in its own JVM, started the way the devstack does it. */
class DevStackInfraTest {

    @TempDir
    Path root;

    /**
     * The identity server runs from its module's jar, which the reactor builds before this module
     * ({@code ./mvnw -pl identity package} when running this module alone).
     */
    @org.junit.jupiter.api.BeforeEach
    void identityJar() throws Exception {
        Path built = DevStackOptions.findRoot(Path.of("")).resolve("identity/target/identity-0.1.0-SNAPSHOT.jar");
        assertThat(built).as("the identity server's jar; build it first: ./mvnw -pl identity package -DskipTests").isRegularFile();
        Path jar = root.resolve("identity/target/identity-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(jar.getParent());
        Files.createSymbolicLink(jar, built);
    }

    @Test
    void infraStartsServesTokensStopsAndKeepsItsDataUntilReset() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Ports ports = Ports.free();
        DevStackOptions options = DevStackOptions.defaults(root)
                .withScope(DevStackOptions.Scope.INFRA)
                .withPorts(ports)
                .withOut(new PrintStream(output, true, StandardCharsets.UTF_8))
                .withTimeouts(Duration.ofSeconds(120), Duration.ofSeconds(120));
        Path keyFile = options.dataDir().resolve("issuer").resolve("issuer-key.json");

        String firstKey;
        try (DevStack stack = DevStack.start(options)) {
            assertThat(stack.components()).extracting(RunningComponent::name).containsExactly("kafka", "mongo", "identity");
            assertThat(stack.demoTokens()).containsKeys("citizen", "clerk", "approver", "auditor", "admin");
            HttpResponse<String> jwks = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.jwkSetUri())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(jwks.statusCode()).isEqualTo(200);
            assertThat(jwks.body()).contains("\"RS256\"");
            // the scripted mint as before, and OpenID Connect beside it, on the issuer port
            HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.issuer() + "/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"u-1\",\"roles\":[\"CITIZEN\"]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
            assertThat(minted.body()).contains("\"access_token\"", "\"expires_in\":28800");
            HttpResponse<String> discovery = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.issuer() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"" + options.issuer() + "\"");
            assertThat(FreePorts.inUse(ports.kafka())).isTrue();
            assertThat(FreePorts.inUse(ports.mongo())).isTrue();
            assertThat(options.dataDir().resolve("logs").resolve("kafka.log")).exists();
            firstKey = Files.readString(keyFile);

            assertThatThrownBy(() -> DevStack.start(options.withReset(true)))
                    .as("a second stack on the same ports neither starts nor wipes the running one's data")
                    .isInstanceOf(StartupFailure.PortInUse.class);
            assertThat(keyFile).exists();
        }
        assertThat(FreePorts.inUse(ports.kafka())).isFalse();
        assertThat(FreePorts.inUse(ports.kafkaController())).isFalse();
        assertThat(FreePorts.inUse(ports.mongo())).isFalse();
        assertThat(FreePorts.inUse(ports.issuer())).isFalse();
        assertThat(Files.readString(keyFile)).as("data survives a stop").isEqualTo(firstKey);
        assertThat(options.dataDir().resolve("kafka").resolve("meta.properties")).exists();
        assertThat(options.dataDir().resolve("mongo").resolve("data.mv")).exists();

        try (DevStack again = DevStack.start(options.withReset(true))) {
            assertThat(Files.readString(keyFile)).as("--reset makes a new key").isNotEqualTo(firstKey);
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("✓ kafka ready", "✓ mongo ready", "✓ identity ready",
                "--reset: deleting");
    }

    @Test
    void componentsLeftOverFromAKilledLauncherAreNamedWithTheirPids() throws Exception {
        Ports ports = Ports.free();
        DevStackOptions options = DevStackOptions.defaults(root).withScope(DevStackOptions.Scope.INFRA).withPorts(ports)
                .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        // what a `kill -9` of the launcher leaves behind: a component process naming the data folder, holding a port
        java.util.List<String> command = new java.util.ArrayList<>(FakeComponent.command("listen", String.valueOf(ports.mongo())));
        command.add(1, PlatformPlan.DATA_MARKER + options.dataDir());
        Process orphan = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(root.resolve("orphan.log").toFile()).start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> FreePorts.inUse(ports.mongo()));

            assertThatThrownBy(() -> DevStack.start(options))
                    .isInstanceOfSatisfying(StartupFailure.PortInUse.class, failure -> {
                        assertThat(failure.component()).isEqualTo("mongo");
                        assertThat(failure.getMessage()).contains("kill " + orphan.pid(), "earlier devstack");
                    });
        } finally {
            orphan.destroyForcibly().waitFor();
        }
    }

    @Test
    void aMissingServiceJarIsNamedBeforeAnythingStarts() {
        DevStackOptions options = DevStackOptions.defaults(root).withPorts(Ports.free())
                .withOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThatThrownBy(() -> DevStack.start(options))
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("registry-service");
                    assertThat(failure.getMessage()).contains("jar not found", "registry-service-0.1.0-SNAPSHOT.jar",
                            "--only infra");
                });
        assertThat(options.dataDir().resolve("logs")).doesNotExist();
    }
}
