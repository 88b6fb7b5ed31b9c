package cn.minzheng.topology.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import cn.minzheng.topology.compose.ComposeProject;
import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.compose.ImageRecipe;
import cn.minzheng.topology.hosts.Host;
import cn.minzheng.topology.hosts.HostProcess;
import cn.minzheng.topology.hosts.Network;
import cn.minzheng.topology.hosts.Shell;
import cn.minzheng.topology.kafka.KafkaImage;
import cn.minzheng.topology.kafka.KafkaSettings;

/**
 * Starts each compose service on its host, the way its image would run it: the project's services
 * from their jars as the Dockerfile runs them, Kafka, Keycloak, PostgreSQL and Prometheus as the real
 * programs, MongoDB as the Mongo-wire stand-in. Every setting a stand-in cannot honour is reported.
 */
public final class Stack {

    /** What stands in for an image here. */
    public enum Kind { SPRING_SERVICE, KAFKA, KAFKA_JOB, MONGO_STAND_IN, MONGO_INIT, POSTGRES, KEYCLOAK, PROMETHEUS, ALERTMANAGER, NOT_AVAILABLE }

    private final ComposeProject compose;
    private final Network network;
    private final RunSettings settings;
    private final ImageRecipe recipe;
    private final Report report;
    private final Map<String, HostProcess> running = new ConcurrentHashMap<>();

    public Stack(ComposeProject compose, Network network, RunSettings settings, ImageRecipe recipe, Report report) {
        this.compose = compose;
        this.network = network;
        this.settings = settings;
        this.recipe = recipe;
        this.report = report;
    }

    public static Kind kindOf(ComposeService service) {
        if (service.buildModule().isPresent()) {
            return Kind.SPRING_SERVICE;
        }
        String image = service.image().orElse("");
        if (image.startsWith("apache/kafka")) {
            return oneShot(service) ? Kind.KAFKA_JOB : Kind.KAFKA;
        }
        if (image.startsWith("mongo")) {
            return service.restart().filter(r -> r.equals("unless-stopped") || r.equals("always")).isPresent()
                    ? Kind.MONGO_STAND_IN : Kind.MONGO_INIT;
        }
        if (image.startsWith("postgres")) {
            return Kind.POSTGRES;
        }
        if (image.startsWith("quay.io/keycloak/keycloak")) {
            return Kind.KEYCLOAK;
        }
        if (image.startsWith("prom/prometheus")) {
            return Kind.PROMETHEUS;
        }
        if (image.startsWith("prom/alertmanager")) {
            return Kind.ALERTMANAGER;
        }
        return Kind.NOT_AVAILABLE;
    }

    /** Restart policy {@code on-failure} or {@code no}: a job that runs once and exits. */
    static boolean oneShot(ComposeService service) {
        String restart = service.restart().orElse("no");
        return restart.startsWith("on-failure") || restart.equals("no");
    }

    public Optional<HostProcess> process(String service) {
        return Optional.ofNullable(running.get(service));
    }

    public void replace(String service, HostProcess process) {
        running.put(service, process);
    }

    /** Starts the service; returns false when nothing can run it here (reported). */
    public boolean start(ComposeService service) {
        Host host = network.host(service.name());
        HostProcess process = switch (kindOf(service)) {
            case SPRING_SERVICE -> springService(service, host);
            case KAFKA -> kafka(service, host);
            case KAFKA_JOB -> kafkaJob(service, host);
            case MONGO_STAND_IN -> mongo(service, host);
            case POSTGRES -> postgres(service, host);
            case KEYCLOAK -> keycloak(service, host);
            case PROMETHEUS -> prometheus(service, host);
            case ALERTMANAGER -> alertmanager(service, host);
            case MONGO_INIT -> {
                report.override(service.name(), "not run: it initiates the replica set and creates the users of the"
                        + " service databases (deploy/mongo/init-replica-set.js); the Mongo-wire stand-in has neither a"
                        + " replica set nor authentication. Its condition service_completed_successfully is taken as met.");
                yield null;
            }
            case NOT_AVAILABLE -> {
                report.step(service.name() + ": not started — no program for image " + service.image().orElse("?")
                        + " on this machine (its host name still resolves; nothing the checks need depends on it)");
                yield null;
            }
        };
        if (process == null) {
            return false;
        }
        running.put(service.name(), process);
        report.step("started " + service.name() + " on " + host.address() + " (pid " + process.pid() + ", log "
                + settings.runDir().relativize(process.log()) + ")");
        return true;
    }

    // ---- the project's services: the jar the Dockerfile packages, run as the Dockerfile runs it ----------------

    private HostProcess springService(ComposeService service, Host host) {
        String module = service.buildModule().orElseThrow();
        Path jar = snapshot(jarOf(module), module);
        Map<String, String> env = new LinkedHashMap<>(service.environment());
        env.put("JAVA_TOOL_OPTIONS", recipe.javaToolOptions());
        standInMongoUri(service, env);
        Path appDir = ownedFolder(settings.runDir().resolve("app").resolve(service.name()), recipe.uid());
        List<Host.Bind> binds = new ArrayList<>();
        binds.add(new Host.Bind(appDir, recipe.workdir(), false));
        binds.add(new Host.Bind(jar, "/app/app.jar", true));
        binds.addAll(volumeBinds(service));
        binds.addAll(secretBinds(service));
        List<String> command = new ArrayList<>(recipe.entrypoint());
        memoryLimit(service).ifPresent(limit -> command.add(1, "-XX:MaxRAM=" + limit));
        return host.start(service.name(), command, env, binds, recipe.workdir(), recipe.uid(), log(service));
    }

    private Path jarOf(String module) {
        Path target = settings.root().resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(module) + "-[0-9].*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no jar of " + module + " in " + target
                            + " — build it first: ./mvnw -B -ntp package -DskipTests"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + " — build first: ./mvnw -B -ntp package -DskipTests", e);
        }
    }

    /** A copy of the jar for this run: a build during the run must not change what runs (the image is fixed too). */
    private Path snapshot(Path jar, String module) {
        Path copy = settings.runDir().resolve("images").resolve(module + ".jar");
        try {
            if (!Files.exists(copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(jar, copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar, e);
        }
    }

    /** The Mongo-wire server has no authentication and no replica set: both come off the URI, visibly. */
    private void standInMongoUri(ComposeService service, Map<String, String> env) {
        String uri = env.get("SPRING_MONGODB_URI");
        if (uri == null) {
            return;
        }
        URI parsed = URI.create(uri);
        String query = parsed.getRawQuery() == null ? "" : parsed.getRawQuery();
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            (parameter.startsWith("replicaSet=") || parameter.startsWith("authSource=") ? dropped : kept).add(parameter);
        }
        String rewritten = parsed.getScheme() + "://" + parsed.getHost() + ":" + parsed.getPort() + parsed.getRawPath()
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        if (!rewritten.equals(uri)) {
            env.put("SPRING_MONGODB_URI", rewritten);
            report.override(service.name(), "SPRING_MONGODB_URI without "
                    + (parsed.getRawUserInfo() != null ? "the user and password" : "")
                    + (dropped.isEmpty() ? "" : (parsed.getRawUserInfo() != null ? " and " : "") + String.join(", ", dropped))
                    + " (the Mongo-wire stand-in has no authentication and no replica set): " + rewritten);
        }
    }

    /** {@code mem_limit}: the JVM is told the limit as a container's cgroup would tell it (-XX:MaxRAM). */
    private Optional<String> memoryLimit(ComposeService service) {
        return service.memLimit().map(limit -> limit.toLowerCase(java.util.Locale.ROOT).replace("b", ""));
    }

    // ---- Kafka: the real broker, configured from KAFKA_* ------------------------------------------------------

    private HostProcess kafka(ComposeService service, Host host) {
        Map<String, String> env = new LinkedHashMap<>(service.environment());
        String clusterId = env.get("CLUSTER_ID");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException("kafka: compose sets no CLUSTER_ID — the image would format a new cluster on every recreate");
        }
        Map<String, String> properties = KafkaSettings.brokerProperties(env);
        String logDirs = properties.getOrDefault("log.dirs", properties.get("log.dir"));
        if (logDirs == null || volumeBinds(service).stream().noneMatch(b -> logDirs.equals(b.target()) || logDirs.startsWith(b.target() + "/"))) {
            throw new IllegalStateException("kafka: log.dirs (" + logDirs + ") is not on a volume — its data would be lost on recreate");
        }
        memoryLimit(service).ifPresent(limit -> env.put("TOPOLOGY_MAX_RAM", "-XX:MaxRAM=" + limit));
        if (service.user().isEmpty()) {
            report.override(service.name(), "runs as root here; the image runs as its appuser (uid 1000), so that its secret files"
                    + " (made for uid 1000 as deploy/secrets/README.md says) are readable by it is not proven by this run");
        }
        List<Host.Bind> binds = kafkaImageBinds(service);
        // the image's server.properties folder, private to this host
        binds.add(new Host.Bind(folder(settings.runDir().resolve("kafka").resolve("config")), KafkaImage.CONFIG, false));
        report.step("kafka: real Apache Kafka broker, KRaft, " + properties.size() + " settings from compose by the image's rules"
                + (service.entrypoint().isEmpty() ? "" : "; compose's entrypoint runs first (bash, with the image's "
                + KafkaImage.BIN + " scripts as their Kafka tool classes)") + " (config in " + settings.runDir().resolve("kafka/config") + ")");
        return host.start(service.name(), imageCommand(service, List.of(KafkaImage.DOCKER + "/run")), env, binds, "/",
                userOf(service), log(service));
    }

    /**
     * A one-shot job on the Kafka image (kafka-init): compose's entrypoint and command with the image's
     * scripts, its mounts and secrets; waited for until it exits, which must be 0
     * ({@code service_completed_successfully}).
     */
    private HostProcess kafkaJob(ComposeService service, Host host) {
        report.step(service.name() + ": a one-shot job on the Kafka image: " + String.join(" ", imageCommand(service, List.of())));
        HostProcess job = host.start(service.name(), imageCommand(service, List.of(KafkaImage.DOCKER + "/run")),
                service.environment(), kafkaImageBinds(service), "/", userOf(service), log(service));
        awaitOneShot(job, 300, service.name());
        report.pass(service.name() + " completed successfully (exit 0): " + String.join("; ", Logs.tail(job.log(), 20).lines()
                .filter(l -> !l.startsWith("SLF4J")).toList()));
        return job;
    }

    /** What the container runs: entrypoint + command, the image's CMD when compose sets neither. */
    private static List<String> imageCommand(ComposeService service, List<String> imageCmd) {
        List<String> command = new ArrayList<>(service.entrypoint());
        command.addAll(service.entrypoint().isEmpty() && service.command().isEmpty() ? imageCmd : service.command());
        return command;
    }

    /** The apache/kafka image runs as appuser (uid 1000) unless compose says otherwise; here as root unless asked. */
    private static int userOf(ComposeService service) {
        return service.user().map(u -> u.equals("root") ? "0" : u.split(":")[0]).map(Integer::parseInt).orElse(0);
    }

    private List<Host.Bind> kafkaImageBinds(ComposeService service) {
        KafkaImage image = kafkaImage();
        List<Host.Bind> binds = new ArrayList<>();
        image.mounts().forEach(m -> binds.add(new Host.Bind(m.getKey(), m.getValue(), true)));
        binds.addAll(volumeBinds(service));
        binds.addAll(secretBinds(service));
        return binds;
    }

    private KafkaImage kafkaImage;

    private synchronized KafkaImage kafkaImage() {
        if (kafkaImage == null) {
            kafkaImage = KafkaImage.create(settings.runDir().resolve("kafka-image"), javaOf17(), settings.classpath());
        }
        return kafkaImage;
    }

    private static Path folder(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- MongoDB: the one stand-in --------------------------------------------------------------------------

    private HostProcess mongo(ComposeService service, Host host) {
        List<Host.Bind> binds = volumeBinds(service);
        String dataDir = binds.stream().map(Host.Bind::target).filter(t -> t.equals("/data/db")).findFirst()
                .orElseThrow(() -> new IllegalStateException("mongo: no volume at /data/db — its data would be lost on recreate"));
        report.override(service.name(), "the Mongo-wire server (mongo-java-server, H2 file store in the mongo-data volume)"
                + " stands in for " + service.image().orElse("mongo") + "; not honoured: " + String.join(" ", service.command())
                + " (no replica set, no keyfile), MONGO_INITDB_ROOT_USERNAME/PASSWORD (no authentication), the entrypoint script,"
                + " the mongosh health check (a TCP check instead)");
        List<String> command = new ArrayList<>(List.of(javaOf17(), "-Xmx1g"));
        command.addAll(List.of("-cp", settings.classpath(), "cn.minzheng.platform.embedded.EmbeddedMongo",
                "--bind", "0.0.0.0", "--port", "27017", "--data", dataDir + "/minzheng.mv"));
        return host.start(service.name(), command, Map.of(), binds, "/", 0, log(service));
    }

    // ---- PostgreSQL (Keycloak's database): Debian's server, initialised as the postgres image does -----------

    private HostProcess postgres(ComposeService service, Host host) {
        Path bin = postgresBin();
        Map<String, String> env = service.environment();
        String user = env.getOrDefault("POSTGRES_USER", "postgres");
        String database = env.getOrDefault("POSTGRES_DB", user);
        String password = env.get("POSTGRES_PASSWORD");
        List<Host.Bind> binds = volumeBinds(service);
        Host.Bind data = binds.stream().filter(b -> b.target().equals("/var/lib/postgresql/data")).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.name() + ": no volume at /var/lib/postgresql/data"));
        int postgresUid = Integer.parseInt(Shell.check("id", "-u", "postgres"));
        ownedFolder(data.source(), postgresUid);
        boolean fresh = !Files.exists(data.source().resolve("PG_VERSION"));
        if (fresh) {
            // the password file reaches initdb through a mount: the run folder's parents may be closed to
            // the postgres user (a clone in a mktemp -d folder is 0700)
            Path initDir = ownedFolder(settings.runDir().resolve("postgres-init"), postgresUid);
            write(initDir.resolve("pw"), password);
            Shell.check("chown", "postgres", initDir.resolve("pw").toString());
            List<Host.Bind> initBinds = new ArrayList<>(binds);
            initBinds.add(new Host.Bind(initDir, "/var/run/postgresql", false));
            HostProcess init = host.start(service.name() + "-initdb", List.of(bin.resolve("initdb").toString(), "-D", data.target(),
                    "-U", user, "--pwfile=/var/run/postgresql/pw", "-A", "scram-sha-256", "-E", "UTF8"), Map.of(), initBinds, "/tmp",
                    postgresUid, log(service));
            awaitOneShot(init, 120, "initdb");
            appendLine(data.source().resolve("pg_hba.conf"), "host all all all scram-sha-256");
        }
        report.step(service.name() + ": Debian's PostgreSQL " + bin.getParent().getFileName() + " stands in for "
                + service.image().orElse("postgres") + " (same POSTGRES_* settings and volume)");
        // the image's socket folder, private to this host (pg_isready in the health check finds it there)
        List<Host.Bind> serverBinds = new ArrayList<>(binds);
        serverBinds.add(new Host.Bind(ownedFolder(settings.runDir().resolve("postgres-socket"), postgresUid), "/var/run/postgresql", false));
        HostProcess server = host.start(service.name(), List.of(bin.resolve("postgres").toString(), "-D", data.target(),
                "-c", "listen_addresses=*", "-c", "unix_socket_directories=/var/run/postgresql"), env, serverBinds, "/tmp",
                postgresUid, log(service));
        if (fresh) {
            createDatabase(host, user, password, database);
        }
        return server;
    }

    private void createDatabase(Host host, String user, String password, String database) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Shell.Result result = host.exec(List.of("env", "PGPASSWORD=" + password, "psql", "-h", host.address(), "-U", user,
                    "-d", "postgres", "-tAc", "CREATE DATABASE \"" + database + "\""), 20);
            if (result.ok() || result.output().contains("already exists")) {
                return;
            }
            sleepQuietly(500);
        }
        throw new IllegalStateException("cannot create the database " + database);
    }

    private static Path postgresBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted(java.util.Comparator.reverseOrder()).map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres"))).findFirst().orElseThrow();
        } catch (IOException | java.util.NoSuchElementException e) {
            throw new IllegalStateException("no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)");
        }
    }

    // ---- Keycloak: the real server (keycloak-quarkus-dist) on a JDK >= 21, production mode ------------------

    private HostProcess keycloak(ComposeService service, Host host) {
        Path dist = KeycloakDistribution.unpacked(settings.keycloakZip(), settings.keycloakCache(), report);
        List<Host.Bind> binds = new ArrayList<>();
        binds.add(new Host.Bind(dist, "/opt/keycloak", false));
        binds.addAll(volumeBinds(service));
        Map<String, String> env = new LinkedHashMap<>(service.environment());
        env.put("JAVA_HOME", settings.keycloakJdk().toString());
        env.put("PATH", settings.keycloakJdk().resolve("bin") + ":/usr/local/bin:/usr/bin:/bin");
        memoryLimit(service).ifPresent(limit -> env.put("JAVA_OPTS_APPEND", "-XX:MaxRAM=" + limit));
        List<String> command = new ArrayList<>(List.of("/opt/keycloak/bin/kc.sh"));
        command.addAll(service.command());
        report.step("keycloak: Keycloak " + dist.getFileName() + " (keycloak-quarkus-dist) on " + settings.keycloakJdk()
                + ": " + String.join(" ", command));
        return host.start(service.name(), command, env, binds, "/opt/keycloak", 0, log(service));
    }

    // ---- Prometheus and Alertmanager: Debian's programs with compose's files ----------------------------------

    private HostProcess prometheus(ComposeService service, Host host) {
        List<Host.Bind> binds = volumeBinds(service);
        checkWith(host, service, binds, List.of("promtool", "check", "config", "/etc/prometheus/prometheus.yml"), "promtool check config");
        checkWith(host, service, binds, List.of("promtool", "check", "rules", "/etc/prometheus/alerts.yml"), "promtool check rules");
        List<String> command = new ArrayList<>(List.of("/usr/bin/prometheus"));
        command.addAll(service.command());
        report.step("prometheus: Debian's " + Shell.run(List.of("prometheus", "--version"), 10).output().lines().findFirst().orElse("")
                + " stands in for " + service.image().orElse(""));
        return host.start(service.name(), command, Map.of(), binds, "/", 0, log(service));
    }

    private HostProcess alertmanager(ComposeService service, Host host) {
        List<Host.Bind> binds = volumeBinds(service);
        List<String> args = service.command().isEmpty()
                ? List.of("--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager") // the image's CMD
                : service.command();
        args.stream().filter(a -> a.startsWith("--config.file=")).findFirst().ifPresent(a ->
                checkWith(host, service, binds, List.of("amtool", "check-config", a.substring("--config.file=".length())), "amtool check-config"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/prometheus-alertmanager"));
        command.addAll(args);
        command.add("--cluster.listen-address="); // one instance: no gossip port
        report.step("alertmanager: Debian's prometheus-alertmanager stands in for " + service.image().orElse(""));
        return host.start(service.name(), command, Map.of(), binds, "/", 0, log(service));
    }

    private void checkWith(Host host, ComposeService service, List<Host.Bind> binds, List<String> command, String check) {
        HostProcess process = host.start(service.name() + "-check", command, Map.of(), binds, "/", 0,
                settings.logs().resolve(service.name() + "-checks.log"));
        awaitOneShot(process, 60, check);
        report.pass(check + " on compose's files (" + String.join(" ", command) + ")");
    }

    // ---- volumes, bind mounts and secrets ------------------------------------------------------------------

    /** Compose's volumes as binds: a named volume is a folder of the run, a bind mount the repository's file. */
    List<Host.Bind> volumeBinds(ComposeService service) {
        List<Host.Bind> binds = new ArrayList<>();
        for (ComposeService.Mount mount : service.volumes()) {
            Path source;
            if (mount.kind() == ComposeService.Mount.Kind.BIND) {
                source = compose.directory().resolve(mount.source()).normalize();
                if (!Files.exists(source)) {
                    throw new IllegalStateException(service.name() + ": bind mount source " + mount.source() + " does not exist");
                }
            } else {
                if (!compose.declaresVolume(mount.source())) {
                    throw new IllegalStateException(service.name() + ": volume " + mount.source() + " is not declared under volumes:");
                }
                source = settings.volume(mount.source());
                try {
                    Files.createDirectories(source);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            binds.add(new Host.Bind(source, mount.target(), mount.readOnly()));
        }
        return binds;
    }

    private List<Host.Bind> secretBinds(ComposeService service) {
        List<Host.Bind> binds = new ArrayList<>();
        for (ComposeService.SecretMount secret : service.secretMounts()) {
            Path file = settings.runDir().resolve("secrets").resolve(secret.source());
            if (!Files.exists(file)) {
                throw new IllegalStateException(service.name() + ": secret " + secret.source() + " was not prepared");
            }
            binds.add(new Host.Bind(file, secret.target(), true));
        }
        return binds;
    }

    private Path log(ComposeService service) {
        return settings.logs().resolve(service.name() + ".log");
    }

    private static String javaOf17() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path ownedFolder(Path folder, int uid) {
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
            Shell.check("chown", "-R", uid + ":" + uid, folder.toString());
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitOneShot(HostProcess process, long seconds, String what) {
        try {
            if (!process.awaitExit(seconds) || process.exitCode() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitCode() + "); see " + process.log()
                        + ":\n" + Logs.tail(process.log(), 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted");
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
