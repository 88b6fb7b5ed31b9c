package cn.minzheng.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as stages of components: infrastructure, then the registry, then the business
 * services, then the gateway — each stage starting once the previous one is ready.
 */
final class PlatformPlan {

    static final String VERSION = "0.1.0-SNAPSHOT";
    /** Child JVMs log through slf4j-simple: the brokers' INFO chatter stays out, their warnings stay in. */
    private static final List<String> INFRA_LOGGING = List.of(
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.log.kafka=warn",
            "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn",
            "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn",
            "-Dorg.slf4j.simpleLogger.log.io.netty=warn",
            "-Dorg.slf4j.simpleLogger.log.de.bwaldvogel=warn");

    /**
     * Settings only the devstack gives (never compose): the adjustable business clock of
     * docs/contracts.md "Business clock" on the two services with deadlines, at the paths the
     * contract fixes, and org-service's bulk-seeding endpoint for the benchmark.
     */
    static final Map<String, Map<String, String>> DEVSTACK_ONLY_SETTINGS = Map.of(
            "assistance-service", Map.of(
                    "MINZHENG_CLOCK_ADJUSTABLE", "true",
                    "MINZHENG_CLOCK_PATH", "/api/v1/assistance/admin/clock"),
            "org-service", Map.of(
                    "MINZHENG_CLOCK_ADJUSTABLE", "true",
                    "MINZHENG_CLOCK_PATH", "/api/v1/orgs/admin/clock",
                    "MINZHENG_ORG_FIXTURES_ENABLED", "true"),
            // the services' business clocks above may be moved forward (a 7-day 公示 in a second), so their
            // events can be dated days ahead of audit-service's wall clock; outside the devstack (where no
            // clock moves) a time more than minutes ahead is a broken producer and is dead-lettered
            "audit-service", Map.of(
                    "MINZHENG_AUDIT_INGEST_EVENTTIME_MAXFUTURESKEW", "P3650D"));

    private final DevStackOptions options;
    private final Ports ports;
    private final Path logs;
    private final RunCopies runCopies;
    private final String infraClasspath;
    private final boolean infraFromFatJar;

    PlatformPlan(DevStackOptions options) {
        this(options, JavaCommand.ownClasspath());
    }

    /** {@code own}: the launcher's classpath (a fat jar when started with {@code java -jar}). */
    PlatformPlan(DevStackOptions options, String own) {
        this.options = options;
        this.ports = options.ports();
        this.logs = options.dataDir().resolve("logs");
        this.runCopies = new RunCopies(options.dataDir().resolve("run"));
        this.infraFromFatJar = JavaCommand.isBootFatJar(own);
        this.infraClasspath = infraFromFatJar ? runCopies.of(Path.of(own)).toString() : own;
    }

    /** Copies the jars to run into {@code .devstack/run/} (after a {@code --reset}, before launching). */
    void prepareRunCopies() {
        runCopies.refresh();
    }

    /**
     * @throws StartupFailure when a service jar is missing (before anything starts)
     */
    List<List<ComponentSpec>> stages() {
        List<List<ComponentSpec>> stages = new ArrayList<>();
        stages.add(List.of(kafka(), mongo(), issuer()));
        if (options.scope() == DevStackOptions.Scope.ALL) {
            addStage(stages, List.of(new Service("registry-service", ports.registry(), null, false)));
            addStage(stages, List.of(
                    new Service("assistance-service", ports.assistance(), "assistance", true),
                    new Service("org-service", ports.org(), "org", true),
                    new Service("audit-service", ports.audit(), "audit", true)));
            addStage(stages, List.of(new Service("gateway", ports.gateway(), null, true)));
        }
        return stages;
    }

    private record Service(String module, int port, String database, boolean registers) {
    }

    private void addStage(List<List<ComponentSpec>> stages, List<Service> services) {
        List<ComponentSpec> stage = services.stream()
                .filter(s -> !options.without().contains(s.module()))
                .map(s -> service(s.module(), s.port(), s.database(), s.registers()))
                .toList();
        if (!stage.isEmpty()) {
            stages.add(stage);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + ports.issuer() + "/.well-known/jwks.json";
    }

    String eurekaUrl() {
        return "http://127.0.0.1:" + ports.registry() + "/eureka/";
    }

    Path tokensFile() {
        return options.dataDir().resolve("issuer").resolve("tokens.json");
    }

    private ComponentSpec kafka() {
        Path log = logs.resolve("kafka.log");
        return new ComponentSpec("kafka",
                JavaCommand.mainClass("cn.minzheng.platform.embedded.EmbeddedKafka", infraClasspath, infraFromFatJar, infraFlags(), List.of(
                        "--port", String.valueOf(ports.kafka()),
                        "--controller-port", String.valueOf(ports.kafkaController()),
                        "--data", options.dataDir().resolve("kafka").toString())),
                Map.of(), List.of(ports.kafka(), ports.kafkaController()),
                Readiness.tcp(ports.kafka()).and(Readiness.logContains(log, "ready on")),
                options.infraTimeout(), log, options.dataDir());
    }

    private ComponentSpec mongo() {
        Path log = logs.resolve("mongo.log");
        return new ComponentSpec("mongo",
                JavaCommand.mainClass("cn.minzheng.platform.embedded.EmbeddedMongo", infraClasspath, infraFromFatJar,
                        DevStackOptions.concat(infraFlags(), options.mongo().jvmFlags()), mongoArguments()),
                Map.of(), List.of(ports.mongo()),
                Readiness.tcp(ports.mongo()).and(Readiness.logContains(log, "ready on")),
                options.infraTimeout(), log, options.dataDir(), MONGO_STOP_GRACE);
    }

    /**
     * The file store compacts its file at stop (EmbeddedMongo: live pages rewritten, ~60 ms per 9 MB
     * here); a store grown by a large benchmark needs more than the default grace to finish.
     */
    static final Duration MONGO_STOP_GRACE = Duration.ofMinutes(3);

    private List<String> mongoArguments() {
        return options.mongo().inMemory()
                ? List.of("--port", String.valueOf(ports.mongo()), "--in-memory", "--no-oplog")
                : List.of("--port", String.valueOf(ports.mongo()),
                        "--data", options.dataDir().resolve("mongo").resolve("data.mv").toString());
    }

    private ComponentSpec issuer() {
        Path log = logs.resolve("issuer.log");
        return new ComponentSpec("issuer",
                JavaCommand.mainClass("cn.minzheng.platform.embedded.LocalTokenIssuer", infraClasspath, infraFromFatJar, infraFlags(), List.of(
                        "--port", String.valueOf(ports.issuer()),
                        "--issuer", options.issuer(),
                        "--data", options.dataDir().resolve("issuer").toString())),
                Map.of(), List.of(ports.issuer()),
                Readiness.tcp(ports.issuer()).and(Readiness.logContains(log, "ready;")),
                options.infraTimeout(), log, options.dataDir());
    }

    private List<String> infraFlags() {
        List<String> flags = new ArrayList<>(serviceFlags());
        flags.addAll(INFRA_LOGGING);
        return flags;
    }

    /**
     * The data folder first on every child's command line: it marks the processes of this stack,
     * found again by {@link DevStack#leftoversOf} when a killed launcher left them running (the
     * JDK reads only the start of a long command line, so it must come before the classpath).
     */
    private List<String> serviceFlags() {
        List<String> flags = new ArrayList<>();
        flags.add(DATA_MARKER + options.dataDir());
        flags.addAll(options.jvmFlags());
        return flags;
    }

    static final String DATA_MARKER = "-Dminzheng.devstack.data=";

    /** A Spring Boot service from {@code <root>/<module>/target/<module>-<version>.jar}. */
    private ComponentSpec service(String module, int port, String database, boolean registers) {
        Path jar = options.root().resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
        Path log = logs.resolve(module + ".log");
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(module, "jar not found: " + jar
                    + " — build it first: ./mvnw -B install -DskipTests (or start only the infrastructure: --only infra)",
                    null, List.of());
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        if (database != null) {
            env.put("SPRING_MONGODB_URI", mongoUri() + "/" + database);
        }
        env.put("EUREKA_CLIENT_SERVICEURL_DEFAULTZONE", eurekaUrl());
        env.put("EUREKA_HOSTNAME", "127.0.0.1");
        env.put("EUREKA_INSTANCE_HOSTNAME", "127.0.0.1");
        env.put("EUREKA_INSTANCE_PREFER_IP_ADDRESS", "true");
        env.put("EUREKA_INSTANCE_IP_ADDRESS", "127.0.0.1");
        env.put("MINZHENG_SECURITY_JWK_SET_URI", jwkSetUri());
        env.put("MINZHENG_SECURITY_ISSUER", options.issuer());
        new java.util.TreeMap<>(DEVSTACK_ONLY_SETTINGS.getOrDefault(module, Map.of())).forEach(env::put);
        Path workDir = options.dataDir().resolve(module);
        if (module.equals("audit-service")) {
            env.put("MINZHENG_AUDIT_CHECKPOINT_KEYFILE", workDir.resolve("audit-signing-key.pem").toString());
            // the record MAC key (issue 14 item 3): created owner-only on first start, kept with the data dir
            env.put("MINZHENG_AUDIT_RECORDKEY_FILE", workDir.resolve("audit-record-key").toString());
            env.put("MINZHENG_AUDIT_RECORDKEY_GENERATEIFMISSING", "true");
        }
        Readiness readiness = Readiness.actuatorHealth(port);
        if (registers) {
            readiness = readiness.and(Readiness.registeredInEureka(ports.registry(), module));
        }
        return new ComponentSpec(module,
                JavaCommand.jar(runCopies.of(jar), serviceFlags(), List.of("--server.port=" + port)),
                env, List.of(port), readiness, options.serviceTimeout(), log, workDir);
    }
}
