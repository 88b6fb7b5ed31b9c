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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, once per test JVM. By default it <b>starts its own devstack on free
 * loopback ports</b> ({@code src/test/launcher/SystemTestDevStack.java}: the devstack's Java API with
 * {@code Ports.free()} and {@code --reset} of {@code system-tests/target/devstack-data}), so a run
 * never collides with, nor attaches to, a devstack someone keeps on the contract's fixed ports. It
 * waits for "system-tests devstack is up" and stops it (SIGTERM, then wait) when the test plan ends
 * or the JVM exits; the launcher also stops everything when the test JVM disappears (its standard
 * input ends). With {@code -Dsystem.attach=true} it attaches to a devstack on the fixed ports instead.
 */
public final class Platform {

    private static final String UP = "system-tests devstack is up";
    private static final String DID_NOT_START = "system-tests devstack did not start";
    private static final String LAUNCHER = "system-tests/src/test/launcher/SystemTestDevStack.java";
    private static final Duration START_LIMIT = Duration.ofMinutes(14);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(120);

    /** The stack's loopback ports. */
    public record Ports(int gateway, int registry, int issuer, int kafka, int kafkaController, int mongo,
                        int assistance, int org, int audit) {

        /** The contract's fixed ports (docs/contracts.md): a devstack started with ./devstack.sh. */
        public static Ports fixed() {
            return new Ports(8080, 8761, 9000, 9092, 9093, 27017, 8081, 8082, 8083);
        }

        /** From the launcher's line {@code ports: gateway=… registry=… …}. */
        static Ports parse(String line) {
            Map<String, Integer> p = new LinkedHashMap<>();
            for (String pair : line.substring(line.indexOf(':') + 1).trim().split("\\s+")) {
                String[] kv = pair.split("=");
                p.put(kv[0], Integer.parseInt(kv[1]));
            }
            return new Ports(p.get("gateway"), p.get("registry"), p.get("issuer"), p.get("kafka"), p.get("kafkaController"),
                    p.get("mongo"), p.get("assistance"), p.get("org"), p.get("audit"));
        }
    }

    private static Platform instance;
    /** The devstack being started: the shutdown hook stops it without waiting for the start lock. */
    private static volatile Process starting;
    private static RuntimeException failure;

    private final boolean attached;
    private final Process devstack;
    private final Path log;
    private final Ports ports;
    private final Components components;

    private Platform(boolean attached, Process devstack, Path log, Ports ports) {
        this.attached = attached;
        this.devstack = devstack;
        this.log = log;
        this.ports = ports;
        this.components = new Components(dataDir().resolve("restarted-logs"), ports, attached ? null : dataDir());
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

    public Ports ports() {
        return ports;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public String issuerUrl() {
        return "http://127.0.0.1:" + ports.issuer();
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + ports.registry();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + ports.mongo();
    }

    /**
     * Records an AUDITOR may verify in one call: the system tests' own devstack lowers audit-service's
     * {@code verify-max-span} to this ({@code SystemTestDevStack.VERIFY_MAX_SPAN}), an attached devstack
     * keeps the default.
     */
    public long auditVerifyMaxSpan() {
        return attached ? 100_000 : 100;
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
        String given = System.getProperty("system.ports");
        if (given != null && !given.isBlank()) {
            // a devstack started by hand with the launcher (its "ports: …" line), e.g. while writing a test
            Ports ports = Ports.parse("ports: " + given.replace(',', ' '));
            if (!gatewayHealthy(ports.gateway())) {
                throw new IllegalStateException("-Dsystem.ports given but the gateway does not answer on " + ports.gateway());
            }
            System.out.println("[system-tests] attaching to the devstack on the ports given: " + given);
            return new Platform(true, null, null, ports);
        }
        if (Boolean.getBoolean("system.attach")) {
            Ports fixed = Ports.fixed();
            if (!gatewayHealthy(fixed.gateway())) {
                throw new IllegalStateException("-Dsystem.attach=true but the gateway does not answer "
                        + "http://127.0.0.1:" + fixed.gateway() + "/actuator/health — start the devstack first (./devstack.sh)");
            }
            System.out.println("[system-tests] attaching to the devstack running at http://127.0.0.1:" + fixed.gateway());
            return new Platform(true, null, null, fixed);
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
            Files.createDirectories(data.getParent());
            // the launcher's classes: the devstack jar unpacked (a rebuild must not swap them underneath)
            String classpath = DevStackClasses.unpack(jar, data.resolveSibling("devstack-classes"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Dfile.encoding=UTF-8", "-cp", classpath, root.resolve(LAUNCHER).toString(),
                    root.toString(), data.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Process process = builder.start();
            starting = process;
            System.out.println("[system-tests] starting a devstack on free ports (pid " + process.pid() + ", output " + log + ")");
            Ports ports = awaitUp(process, log);
            Platform platform = new Platform(false, process, log, ports);
            starting = null;
            return platform;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the devstack", e);
        }
    }

    private static Ports awaitUp(Process devstack, Path log) {
        Instant deadline = Instant.now().plus(START_LIMIT);
        Instant started = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            String output = output(log);
            if (output.contains(UP)) {
                Ports ports = output.lines().filter(l -> l.startsWith("ports: ")).reduce((first, last) -> last).map(Ports::parse)
                        .orElseThrow(() -> new IllegalStateException("the launcher named no ports:\n" + tail(output)));
                if (gatewayHealthy(ports.gateway())) {
                    System.out.printf("[system-tests] devstack up after %d s, gateway http://127.0.0.1:%d%n",
                            Duration.between(started, Instant.now()).toSeconds(), ports.gateway());
                    return ports;
                }
            }
            if (!devstack.isAlive() || output.contains(DID_NOT_START)) {
                stopProcess(devstack);
                throw new IllegalStateException("the devstack did not start (exit code " + devstack.exitValue()
                        + "); its output:\n" + tail(output(log)));
            }
            pause(Duration.ofMillis(500));
        }
        String output = output(log);
        stopProcess(devstack);
        throw new IllegalStateException("the devstack was not up within " + START_LIMIT + "; its output:\n" + tail(output));
    }

    private static String output(Path log) {
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

    public static boolean gatewayHealthy(int port) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
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
