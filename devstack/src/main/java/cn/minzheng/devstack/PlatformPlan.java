package cn.minzheng.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform as stages of components: infrastructure (Kafka, the Mongo-wire server and the identity
 * server), then the registry, then the business services, then the gateway, then the web console (when
 * the repository has the {@code console} module) — each stage starting once the previous one is ready.
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
                    "MINZHENG_CLOCK_PATH", "/api/v1/assistance/admin/clock",
                    // the 调标 bench (workload 8) seeds active cases through the devstack-only fixtures endpoint
                    "MINZHENG_ASSISTANCE_FIXTURES_ENABLED", "true"),
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
        stages.add(List.of(kafka(), mongo(), identity()));
        if (options.scope() == DevStackOptions.Scope.ALL) {
            addStage(stages, List.of(new Service("registry-service", ports.registry(), null, false)));
            addStage(stages, List.of(
                    new Service("assistance-service", ports.assistance(), "assistance", true),
                    new Service("org-service", ports.org(), "org", true),
                    new Service("audit-service", ports.audit(), "audit", true)));
            addStage(stages, List.of(new Service("gateway", ports.gateway(), null, true)));
            if (hasConsole()) {
                addStage(stages, List.of(new Service(CONSOLE, ports.console(), null, true)));
            }
        }
        return stages;
    }

    static final String CONSOLE = "console";
    static final String IDENTITY = "identity";

    /** The repository has the web console module (it is started after the gateway, whose {@code /console/**} it serves). */
    boolean hasConsole() {
        return Files.isRegularFile(options.root().resolve(CONSOLE).resolve("pom.xml"));
    }

    /** Where the console's pages are reached: through the gateway, the one origin browsers talk to. */
    String consoleUrl() {
        return gatewayUrl() + "/console/";
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
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

    /**
     * The identity server (module {@code identity}, Spring Authorization Server) on the issuer port: OpenID
     * Connect for the console with the demo users, and the old issuer's scripted {@code POST /token} and JWKS
     * with its key file and {@code tokens.json} under {@code .devstack/issuer/}. Ready when it prints the old
     * issuer's line ("… ready; JWKS …").
     */
    private ComponentSpec identity() {
        Path jar = jar(IDENTITY);
        Path log = logs.resolve(IDENTITY + ".log");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_PORT", String.valueOf(ports.issuer()));
        env.put("SERVER_PORT", String.valueOf(ports.issuer()));
        env.put("IDENTITY_ADDRESS", "127.0.0.1");
        env.put("IDENTITY_ISSUER", options.issuer());
        env.put("IDENTITY_DATA_DIR", options.dataDir().resolve("issuer").toString());
        env.put("IDENTITY_CONSOLE_REDIRECT_URI", gatewayUrl() + "/console/login/oauth2/code/minzheng");
        env.put("IDENTITY_CONSOLE_POST_LOGOUT_REDIRECT_URI", consoleUrl());
        return new ComponentSpec(IDENTITY,
                JavaCommand.jar(runCopies.of(jar), serviceFlags(), List.of("--server.port=" + ports.issuer())),
                env, List.of(ports.issuer()),
                Readiness.tcp(ports.issuer()).and(Readiness.logContains(log, "ready;")),
                options.serviceTimeout(), log, options.dataDir().resolve(IDENTITY));
    }

    /** {@code <root>/<module>/target/<module>-<version>.jar}, which must exist. */
    private Path jar(String module) {
        Path jar = options.root().resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new StartupFailure(module, "jar not found: " + jar
                    + " — build it first: ./mvnw -B install -DskipTests"
                    + (module.equals(IDENTITY) ? "" : " (or start only the infrastructure: --only infra)"),
                    null, List.of());
        }
        return jar;
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
        Path jar = jar(module);
        Path log = logs.resolve(module + ".log");
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
        if (module.equals(CONSOLE)) {
            // docs: the console contract. The browser only ever talks to the gateway (and the identity server to log in)
            env.put("CONSOLE_ISSUER_URI", options.issuer());
            env.put("CONSOLE_API_BASE", gatewayUrl());
        }
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
