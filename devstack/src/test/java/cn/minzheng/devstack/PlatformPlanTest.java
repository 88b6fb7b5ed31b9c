package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformPlanTest {

    @TempDir
    Path root;

    @BeforeEach
    void serviceJars() throws Exception {
        for (String module : java.util.stream.Stream.concat(DevStackOptions.SERVICES.stream(), java.util.stream.Stream.of("identity")).toList()) {
            Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }
    }

    private DevStackOptions options() {
        return DevStackOptions.defaults(root).withOut(new PrintStream(OutputStream.nullOutputStream()));
    }

    private static List<List<String>> names(List<List<ComponentSpec>> stages) {
        return stages.stream().map(stage -> stage.stream().map(ComponentSpec::name).toList()).toList();
    }

    @Test
    void infraThenRegistryThenServicesThenGateway() {
        List<List<ComponentSpec>> stages = new PlatformPlan(options()).stages();

        assertThat(names(stages)).containsExactly(
                List.of("kafka", "mongo", "identity"),
                List.of("registry-service"),
                List.of("assistance-service", "org-service", "audit-service"),
                List.of("gateway"));
        assertThat(stages.stream().flatMap(List::stream).flatMap(c -> c.ports().stream()))
                .containsExactlyInAnyOrder(9092, 9093, 27017, 9000, 8761, 8081, 8082, 8083, 8080);
    }

    /** With the console module in the repository: the console last, after the gateway whose /console/** it serves. */
    @Test
    void theConsoleStartsAfterTheGatewayWhenTheRepositoryHasIt() throws Exception {
        Files.createDirectories(root.resolve("console"));
        Files.writeString(root.resolve("console/pom.xml"), "<project/>");
        List<List<ComponentSpec>> stages = new PlatformPlan(options()).stages();

        assertThat(names(stages)).endsWith(List.of("gateway"), List.of("console"));
        ComponentSpec console = stages.get(stages.size() - 1).get(0);
        assertThat(console.ports()).containsExactly(8084);
        assertThat(console.environment())
                .containsEntry("SERVER_PORT", "8084")
                .containsEntry("CONSOLE_ISSUER_URI", "http://localhost:9000")
                .containsEntry("CONSOLE_API_BASE", "http://127.0.0.1:8080")
                .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/");
        assertThat(console.readiness().description()).contains("/actuator/health", "CONSOLE");

        assertThat(names(new PlatformPlan(options().without(Set.of("console"))).stages())).doesNotContain(List.of("console"));
        assertThat(names(new PlatformPlan(options().withScope(DevStackOptions.Scope.INFRA)).stages()))
                .containsExactly(List.of("kafka", "mongo", "identity"));
    }

    @Test
    void onlyInfraIsKafkaMongoAndTheIdentityServer() {
        assertThat(names(new PlatformPlan(options().withScope(DevStackOptions.Scope.INFRA)).stages()))
                .containsExactly(List.of("kafka", "mongo", "identity"));
    }

    /** The identity server in place of the old issuer: same port, issuer and key folder; the console's addresses on the gateway. */
    @Test
    void theIdentityServerGetsTheIssuerItsKeyFolderAndTheConsolesAddresses() {
        ComponentSpec identity = new PlatformPlan(options()).stages().get(0).get(2);
        Path data = root.resolve(".devstack").toAbsolutePath().normalize();

        assertThat(identity.name()).isEqualTo("identity");
        assertThat(identity.ports()).containsExactly(9000);
        assertThat(identity.command()).contains("-jar", "--server.port=9000",
                data.resolve("run/identity-0.1.0-SNAPSHOT.jar").toString());
        assertThat(identity.environment())
                .containsEntry("IDENTITY_ISSUER", "http://localhost:9000")
                .containsEntry("IDENTITY_DATA_DIR", data.resolve("issuer").toString())
                .containsEntry("IDENTITY_CONSOLE_REDIRECT_URI", "http://127.0.0.1:8080/console/login/oauth2/code/minzheng")
                .containsEntry("IDENTITY_CONSOLE_POST_LOGOUT_REDIRECT_URI", "http://127.0.0.1:8080/console/");
        assertThat(identity.readiness().description()).contains("ready;");
        assertThat(identity.logFile()).isEqualTo(data.resolve("logs/identity.log"));
    }

    @Test
    void aMissingIdentityJarIsNamedBeforeAnythingStarts() throws Exception {
        Files.delete(root.resolve("identity/target/identity-0.1.0-SNAPSHOT.jar"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlatformPlan(options().withScope(DevStackOptions.Scope.INFRA)).stages())
                .isInstanceOfSatisfying(StartupFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("identity");
                    assertThat(failure.getMessage()).contains("jar not found", "identity-0.1.0-SNAPSHOT.jar", "./mvnw");
                });
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource(delimiter = '|', value = {
            "org-service                         | assistance-service,audit-service",
            "assistance-service,org-service,audit-service | ''",
    })
    void withoutLeavesServicesOut(String without, String remainingMiddle) {
        List<List<String>> stages = names(new PlatformPlan(options().without(Set.of(without.split(",")))).stages());

        List<String> expectedMiddle = remainingMiddle.isEmpty() ? List.of() : List.of(remainingMiddle.split(","));
        assertThat(stages).contains(List.of("gateway"));
        assertThat(stages.stream().flatMap(List::stream)).doesNotContain(without.split(","));
        if (!expectedMiddle.isEmpty()) {
            assertThat(stages).contains(expectedMiddle);
        } else {
            assertThat(stages).hasSize(3);
        }
    }

    @Test
    void servicesGetTheirConnectionSettingsAndOwnDatabase() {
        ComponentSpec assistance = new PlatformPlan(options()).stages().get(2).get(0);

        assertThat(assistance.environment())
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017/assistance")
                .containsEntry("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", "http://127.0.0.1:8761/eureka/")
                .containsEntry("MINZHENG_SECURITY_JWK_SET_URI", "http://127.0.0.1:9000/.well-known/jwks.json")
                .containsEntry("MINZHENG_SECURITY_ISSUER", "http://localhost:9000")
                .containsEntry("SERVER_PORT", "8081")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
        assertThat(assistance.command()).contains("-jar", "--server.port=8081", "-Xmx384m", "-XX:+UseSerialGC",
                root.resolve(".devstack/run/assistance-service-0.1.0-SNAPSHOT.jar").toAbsolutePath().normalize().toString());
        assertThat(assistance.logFile()).isEqualTo(root.resolve(".devstack/logs/assistance-service.log").toAbsolutePath().normalize());
        assertThat(assistance.command().get(1)).isEqualTo(PlatformPlan.DATA_MARKER + root.resolve(".devstack").toAbsolutePath().normalize());
        assertThat(assistance.readiness().description()).contains("/actuator/health", "ASSISTANCE-SERVICE");
    }

    @Test
    void infraKeepsItsDataUnderTheDataFolder() {
        List<ComponentSpec> infra = new PlatformPlan(options()).stages().get(0);
        Path data = root.resolve(".devstack").toAbsolutePath().normalize();

        assertThat(infra.get(0).command()).contains("cn.minzheng.platform.embedded.EmbeddedKafka", "--port", "9092",
                "--controller-port", "9093", data.resolve("kafka").toString());
        assertThat(infra.get(1).command()).contains("cn.minzheng.platform.embedded.EmbeddedMongo", "27017",
                data.resolve("mongo/data.mv").toString());
        assertThat(infra.get(2).environment()).containsEntry("IDENTITY_DATA_DIR", data.resolve("issuer").toString());
    }

    /** The store compacts its file at stop: its JVM gets longer to end than the others before a kill. */
    @Test
    void theStoreGetsLongerToStop() {
        List<ComponentSpec> infra = new PlatformPlan(options()).stages().get(0);
        assertThat(infra.get(1).name()).isEqualTo("mongo");
        assertThat(infra.get(1).stopGrace()).isEqualTo(PlatformPlan.MONGO_STOP_GRACE)
                .isGreaterThan(ComponentSpec.DEFAULT_STOP_GRACE);
        assertThat(infra.get(0).stopGrace()).isEqualTo(ComponentSpec.DEFAULT_STOP_GRACE);
    }

    @Test
    void aMongoStoreInMemoryHasNoDataFileAndItsOwnHeapAfterTheCommonFlags() {
        List<ComponentSpec> infra = new PlatformPlan(options().withMongo(new DevStackOptions.MongoStore(true, "4g")))
                .stages().get(0);
        List<String> command = infra.get(1).command();

        assertThat(command).contains("cn.minzheng.platform.embedded.EmbeddedMongo", "--in-memory", "--no-oplog")
                .doesNotContain("--data");
        assertThat(command.indexOf("-Xmx4g")).isGreaterThan(command.indexOf("-Xmx384m"));
        assertThat(infra.get(0).command()).doesNotContain("-Xmx4g");
    }

    /**
     * Started as {@code java -jar devstack.jar} on a fresh machine: the infra runs from a copy of
     * the launcher jar that does not exist yet when the commands are built, so they must still go
     * through Spring Boot's launcher (else: ClassNotFoundException for EmbeddedKafka on first start).
     */
    @Test
    void infraFromAFatJarRunsThroughBootsLauncherBeforeTheRunCopyExists() throws Exception {
        Path fatJar = root.resolve("devstack.jar");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(fatJar))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("BOOT-INF/lib/"));
            zip.closeEntry();
        }
        PlatformPlan plan = new PlatformPlan(options(), fatJar.toString());
        Path runCopy = root.resolve(".devstack/run/devstack.jar").toAbsolutePath().normalize();
        assertThat(runCopy).doesNotExist();

        for (ComponentSpec infra : plan.stages().get(0).subList(0, 2)) {
            assertThat(infra.command()).as(infra.name())
                    .contains(runCopy.toString(), JavaCommand.PROPERTIES_LAUNCHER)
                    .anyMatch(arg -> arg.startsWith("-Dloader.main=cn.minzheng.platform.embedded."));
        }
    }

    /** docs/contracts.md "Business clock": the devstack (and only it) makes the clock adjustable. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "assistance-service | true  | /api/v1/assistance/admin/clock |      | true | ",
            "org-service        | true  | /api/v1/orgs/admin/clock       | true |      | ",
            "audit-service      |       |                                |      |      | P3650D",
            "gateway            |       |                                |      |      | ",
            "registry-service   |       |                                |      |      | ",
    })
    void devstackOnlySettingsGoToTheirServicesAlone(String module, String adjustable, String clockPath,
                                                   String fixtures, String assistanceFixtures, String futureSkew) {
        ComponentSpec service = new PlatformPlan(options()).stages().stream().flatMap(List::stream)
                .filter(c -> c.name().equals(module)).findFirst().orElseThrow();

        assertThat(service.environment().get("MINZHENG_CLOCK_ADJUSTABLE")).isEqualTo(adjustable);
        assertThat(service.environment().get("MINZHENG_CLOCK_PATH")).isEqualTo(clockPath);
        assertThat(service.environment().get("MINZHENG_ORG_FIXTURES_ENABLED")).isEqualTo(fixtures);
        assertThat(service.environment().get("MINZHENG_ASSISTANCE_FIXTURES_ENABLED")).isEqualTo(assistanceFixtures);
        // moved business clocks date events ahead of audit-service's wall clock: the devstack's trail accepts them
        assertThat(service.environment().get("MINZHENG_AUDIT_INGEST_EVENTTIME_MAXFUTURESKEW")).isEqualTo(futureSkew);
    }

    @Test
    void infrastructureGetsNoServiceSettings() {
        for (ComponentSpec infra : new PlatformPlan(options()).stages().get(0)) {
            assertThat(infra.environment()).as(infra.name()).doesNotContainKeys(
                    "MINZHENG_CLOCK_ADJUSTABLE", "MINZHENG_CLOCK_PATH", "MINZHENG_ORG_FIXTURES_ENABLED",
                    "MINZHENG_ASSISTANCE_FIXTURES_ENABLED");
        }
    }

    @Test
    void byDefaultEveryJvmRunsOnC1WithTodaysFlags() {
        for (ComponentSpec component : all(new PlatformPlan(options()))) {
            assertThat(component.command()).as(component.name())
                    .containsSubsequence(DevStackOptions.DEFAULT_JVM_FLAGS)
                    .contains("-XX:TieredStopAtLevel=1");
        }
    }

    @Test
    void jvmFlagsAndC2ReachEveryJvmBeforeItsMainClassOrJar() {
        DevStackOptions options = DevStackOptions.parse(
                new String[] {"--root", root.toString(), "--jvm-flags", "-Xmx1g -XX:+UseParallelGC", "--c2"}, root)
                .withOut(new PrintStream(OutputStream.nullOutputStream()));

        List<ComponentSpec> components = all(new PlatformPlan(options));
        assertThat(components).hasSize(8); // kafka, mongo, identity, registry, three services, gateway
        for (ComponentSpec component : components) {
            List<String> command = component.command();
            int launch = Math.max(command.indexOf("-jar"), command.indexOf("-cp"));
            assertThat(launch).as(component.name()).isPositive();
            assertThat(command.subList(0, launch)).as(component.name())
                    .contains("-Xmx1g", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8", "-Djava.net.preferIPv4Stack=true")
                    .doesNotContain("-Xmx384m", "-XX:+UseSerialGC")
                    .noneMatch(flag -> flag.startsWith("-XX:TieredStopAtLevel"));
            // the marker that finds leftovers stays first
            assertThat(command.get(1)).startsWith(PlatformPlan.DATA_MARKER);
        }
    }

    private static List<ComponentSpec> all(PlatformPlan plan) {
        return plan.stages().stream().flatMap(List::stream).toList();
    }
}
