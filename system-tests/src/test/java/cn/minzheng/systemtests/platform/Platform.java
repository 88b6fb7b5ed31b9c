package cn.minzheng.systemtests.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, once per test JVM: attaches to a running devstack when
 * {@code -Dsystem.attach=true} or when the gateway already answers health on 8080; otherwise starts
 * {@code java -jar devstack/target/devstack-0.1.0-SNAPSHOT.jar --reset --data system-tests/target/devstack-data}
 * from the repository root, waits for "民政 devstack is up", and stops it (SIGTERM, then wait) when
 * the test plan ends or the JVM exits.
 */
public final class Platform {

    /** The fixed devstack ports (docs/contracts.md). */
    public static final int GATEWAY = 8080;
    public static final int REGISTRY = 8761;
    public static final int ISSUER = 9000;
    public static final int KAFKA = 9092;
    public static final int MONGO = 27017;
    public static final Map<String, Integer> PORTS = Map.of("gateway", GATEWAY, "assistance-service", 8081,
            "org-service", 8082, "audit-service", 8083, "registry-service", REGISTRY, "issuer", ISSUER,
            "kafka", KAFKA, "kafka controller", 9093, "mongo", MONGO);

    private static final String UP = "民政 devstack is up";
    private static final Duration START_LIMIT = Duration.ofMinutes(6);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(90);

    private static Platform instance;
    /** The devstack being started: the shutdown hook stops it without waiting for the start lock. */
    private static volatile Process starting;
    private static RuntimeException failure;

    private final boolean attached;
    private final Process devstack;
    private final Path log;
    private final Components components;

    private Platform(boolean attached, Process devstack, Path log) {
        this.attached = attached;
        this.devstack = devstack;
        this.log = log;
        this.components = new Components(dataDir().resolve("restarted-logs"));
    }

    /** The running platform, started on first use. */
    public static synchronized Platform get() {
        if (failure != null) {
            throw new IllegalStateException("the platform did not start (see the first failure): " + failure.getMessage());
        }
        if (instance == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(Platform::stopOnExit, "platform-stop"));
            try {
                instance = attachOrStart();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return instance;
    }

    /** Stops what this JVM started (restarted components, then the devstack). Idempotent. */
    public static synchronized void shutdown() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    /** JVM exit: may run while {@link #get()} still waits for the devstack, so it takes no lock. */
    private static void stopOnExit() {
        Platform current = instance;
        if (current != null) {
            current.stop();
        } else if (starting != null) {
            stopProcess(starting);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + GATEWAY;
    }

    public String issuerUrl() {
        return "http://127.0.0.1:" + ISSUER;
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + REGISTRY;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + KAFKA;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + MONGO;
    }

    public boolean attached() {
        return attached;
    }

    /** Stopping and starting the platform's processes (fault tests). */
    public Components components() {
        return components;
    }

    public static Path repositoryRoot() {
        String configured = System.getProperty("system.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("devstack"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml + devstack/) above " + start);
    }

    static Path dataDir() {
        String configured = System.getProperty("system.data");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize()
                : repositoryRoot().resolve("system-tests").resolve("target").resolve("devstack-data");
    }

    private static Platform attachOrStart() {
        boolean askedToAttach = Boolean.getBoolean("system.attach");
        if (gatewayHealthy()) {
            System.out.println("[system-tests] attaching to the devstack already running at http://127.0.0.1:" + GATEWAY);
            return new Platform(true, null, null);
        }
        if (askedToAttach) {
            throw new IllegalStateException("-Dsystem.attach=true but the gateway does not answer "
                    + "http://127.0.0.1:8080/actuator/health — start the devstack first (./devstack.sh)");
        }
        List<String> busy = new ArrayList<>();
        PORTS.forEach((name, port) -> {
            if (listening(port)) {
                busy.add(name + " " + port);
            }
        });
        if (!busy.isEmpty()) {
            throw new IllegalStateException("cannot start the devstack for the system tests: port(s) in use by another "
                    + "process: " + busy + ". Stop that process, or start a whole devstack and run with "
                    + "-Dsystem.attach=true.");
        }
        return start();
    }

    private static Platform start() {
        Path root = repositoryRoot();
        Path jar = root.resolve("devstack/target/devstack-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("devstack jar missing: " + jar + " — build it: ./mvnw -B install -DskipTests");
        }
        Path data = dataDir();
        Path log = data.resolveSibling("devstack.log");
        try {
            Files.createDirectories(data);
            // the launcher loads classes from its jar while it runs: a rebuild must not swap it underneath
            Path copy = data.resolveSibling("devstack-under-test.jar");
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            jar = copy;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString(), "--reset", "--root", root.toString(),
                    "--data", data.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Inherited by every component: Boot's Mongo health indicator sends "hello", which the
            // Mongo-wire server does not know, so a service without its own ping check never turns
            // healthy on the devstack (audit-service already disables it; see the README).
            builder.environment().put("MANAGEMENT_HEALTH_MONGODB_ENABLED", "false");
            Process process = builder.start();
            starting = process;
            System.out.println("[system-tests] starting the devstack (pid " + process.pid() + ", output " + log + ")");
            Platform platform = new Platform(false, process, log);
            platform.awaitUp();
            starting = null;
            return platform;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the devstack", e);
        }
    }

    private void awaitUp() {
        Instant deadline = Instant.now().plus(START_LIMIT);
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains(UP) && gatewayHealthy()) {
                System.out.printf("[system-tests] devstack up after %d s%n", Duration.between(started, Instant.now()).toSeconds());
                return;
            }
            if (!devstack.isAlive()) {
                int code = devstack.exitValue();
                throw new IllegalStateException("the devstack exited with code " + code
                        + (code == 2 ? " (a port is in use)" : "") + " before it was up; its output:\n" + tail(output));
            }
            pause(Duration.ofMillis(500));
        }
        String output = output();
        stop();
        throw new IllegalStateException("the devstack was not up within " + START_LIMIT + "; its output:\n" + tail(output));
    }

    private String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    private void stop() {
        components.stopRestarted();
        if (devstack == null || !devstack.isAlive()) {
            return;
        }
        System.out.println("[system-tests] stopping the devstack (pid " + devstack.pid() + ")");
        stopProcess(devstack);
    }

    /** SIGTERM (the devstack stops its components, gateway first), wait, then kill what is left. */
    private static void stopProcess(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    public static boolean gatewayHealthy() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + GATEWAY + "/actuator/health"))
                            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
