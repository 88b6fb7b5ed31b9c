package cn.minzheng.topology.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.topology.compose.ComposeProject;
import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.compose.EnvFile;
import cn.minzheng.topology.compose.ImageRecipe;
import cn.minzheng.topology.compose.Interpolation;
import cn.minzheng.topology.hosts.Host;
import cn.minzheng.topology.hosts.HostProcess;
import cn.minzheng.topology.hosts.Network;
import cn.minzheng.topology.hosts.Shell;
import tools.jackson.databind.JsonNode;

/** One production-topology run, step by step; see {@link cn.minzheng.topology.TopologyRun}. */
public final class Run {

    private static final Pattern KEYCLOAK_IMAGE = Pattern.compile("image:\\s*quay\\.io/keycloak/keycloak:(\\S+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunSettings settings;
    private final boolean keep;
    private final Report report = new Report(System.out);

    public Run(RunSettings settings, boolean keep) {
        this.settings = settings;
        this.keep = keep;
    }

    /** The Keycloak version compose runs (its image tag): the distribution of the same version is started. */
    public static String keycloakVersion(Path composeFile) throws IOException {
        Matcher m = KEYCLOAK_IMAGE.matcher(Files.readString(composeFile));
        if (!m.find()) {
            throw new IllegalStateException("docker-compose.yml runs no quay.io/keycloak/keycloak image");
        }
        return m.group(1);
    }

    public int execute() {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        List<String> missing = Preflight.missing(settings.keycloakZip());
        if (!missing.isEmpty()) {
            System.out.println("The production-topology run cannot run on this machine:");
            missing.forEach(m -> System.out.println("  - " + m));
            System.out.println(ci ? "CI=true: that is a failure, not a skip." : "Not run (outside CI this is not a failure of the code, but nothing was proven).");
            System.out.println("topology: 0 passed, 1 failed");
            return 1;
        }
        settings = new RunSettings(settings.root(), settings.composeFile(), settings.envFile(), settings.runDir(),
                Preflight.jdk21().orElseThrow(), settings.keycloakZip(), settings.keycloakCache(), settings.infraClasspath());
        Network network = null;
        MachineLock lock = null;
        try {
            lock = MachineLock.acquire(java.time.Duration.ofMinutes(20), report);
            Map<String, String> variables = EnvFile.read(settings.envFile());
            report.step("compose variables from " + settings.root().relativize(settings.envFile()) + ": " + variables.keySet());
            requiredSecrets(variables);
            ComposeProject compose = ComposeProject.load(settings.composeFile(), variables);
            ImageRecipe recipe = ImageRecipe.read(settings.root().resolve("Dockerfile"));
            report.step("Dockerfile: JAVA_TOOL_OPTIONS=\"" + recipe.javaToolOptions() + "\", uid " + recipe.uid()
                    + ", workdir " + recipe.workdir() + ", entrypoint " + recipe.entrypoint());
            freshRunDir();
            prepareSecrets(compose, recipe);
            network = Network.create((int) (ProcessHandle.current().pid() % 250) + 1);
            Network net = network;
            Runtime.getRuntime().addShutdownHook(new Thread(net::close, "topology-cleanup"));
            for (ComposeService service : compose.services().values()) {
                network.addHost(service.name());
            }
            network.writeHostsFiles();
            writeMachineHosts(network);
            report.step("network " + network.subnet() + " (this machine: " + network.gatewayAddress() + "); hosts:");
            network.hosts().values().forEach(h -> report.step("    " + h.address() + "  " + h.name() + "  (namespace " + h.namespace() + ")"));
            Stack stack = new Stack(compose, network, settings, recipe, report);
            Health health = new Health(network, stack, report);
            startAll(compose, stack, health);
            new Checks(compose, network, stack, health, report, settings).run();
            if (keep) {
                System.out.println("--keep: the stack stays up; press Enter to stop it.");
                System.in.read();
            }
        } catch (RuntimeException | IOException e) {
            report.fail("the run", e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            if (network != null) {
                report.step("stopping every process and removing the hosts");
                network.close();
                report.step("stopped");
            }
            if (lock != null) {
                lock.close();
            }
            report.summary();
        }
        return report.failed() ? 1 : 0;
    }

    /** The hosts file this JVM resolves names with ({@code jdk.net.hosts.file}, set by TopologyRun). */
    public static Path machineHostsFile(Path runDir) {
        return runDir.resolve("machine-hosts");
    }

    /** Every compose service's name, as its own hosts file has them, for this JVM's clients. */
    private void writeMachineHosts(Network network) throws IOException {
        StringBuilder hosts = new StringBuilder("127.0.0.1 localhost\n::1 localhost\n");
        network.hosts().values().forEach(h -> hosts.append(h.address()).append(' ').append(h.name()).append('\n'));
        Path file = machineHostsFile(settings.runDir());
        Files.writeString(file, hosts);
        String kafka = network.hosts().containsKey("kafka") ? network.host("kafka").address() : null;
        if (kafka != null && !java.net.InetAddress.getByName("kafka").getHostAddress().equals(kafka)) {
            throw new IllegalStateException("this JVM does not resolve kafka from " + file + " (jdk.net.hosts.file not set first?)");
        }
    }

    /** Compose refuses to start without each required variable, and says which: checked for every one. */
    private void requiredSecrets(Map<String, String> variables) {
        Set<String> required = ComposeProject.requiredVariables(settings.composeFile());
        for (String name : required) {
            if (!variables.containsKey(name)) {
                throw new IllegalStateException(settings.envFile() + " does not set the required variable " + name);
            }
            Map<String, String> without = new LinkedHashMap<>(variables);
            without.remove(name);
            try {
                ComposeProject.load(settings.composeFile(), without);
                report.fail("starting without " + name, "compose would start");
            } catch (Interpolation.MissingVariable e) {
                if (e.variable().equals(name) && e.getMessage().contains(name + " is required")) {
                    report.pass("starting without " + name + " fails: " + e.getMessage());
                } else {
                    report.fail("starting without " + name, "the message does not name it: " + e.getMessage());
                }
            }
        }
        if (required.isEmpty()) {
            report.fail("required secrets", "docker-compose.yml marks no variable as required (${VAR:?…})");
        }
    }

    private void freshRunDir() throws IOException {
        Path dir = settings.runDir();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(settings.logs());
        report.step("run folder " + dir + " (volumes, secrets, logs)");
    }

    /**
     * Compose's secret files are the operator's and are not in the repository: the run makes its own,
     * each as deploy/secrets/README.md tells the operator to ({@link SecretFile}): owner-only from the
     * first byte, then given to the user that reads it — the services' uid for what a service of this
     * repository mounts, the Kafka image's appuser for what only the Kafka containers mount — mode 0400.
     */
    private void prepareSecrets(ComposeProject compose, ImageRecipe recipe) {
        Map<String, Set<String>> mountedBy = new LinkedHashMap<>();
        compose.services().values().forEach(s -> s.secrets().forEach(secret ->
                mountedBy.computeIfAbsent(secret, k -> new java.util.LinkedHashSet<>()).add(s.name())));
        for (Map.Entry<String, Set<String>> entry : mountedBy.entrySet()) {
            String secret = entry.getKey();
            boolean byServices = entry.getValue().stream().anyMatch(s -> compose.service(s).buildModule().isPresent());
            int uid = byServices ? recipe.uid() : SecretFile.KAFKA_IMAGE_UID;
            Path file = settings.runDir().resolve("secrets").resolve(secret);
            SecretFile kind = SecretFile.of(compose.secretFile(secret));
            kind.write(file);
            Shell.check("chown", uid + ":" + uid, file.toString());
            Shell.check("chmod", "0400", file.toString());
            report.step("secret " + secret + ": compose reads " + settings.root().relativize(compose.secretFile(secret))
                    + " (the operator's, not in the repository); the run made " + kind.description() + ", uid " + uid
                    + ", mode 0400, mounted by " + entry.getValue());
        }
    }

    /** Every service at once, each after the conditions of its depends_on are met, as compose does. */
    private void startAll(ComposeProject compose, Stack stack, Health health) {
        Map<String, CompletableFuture<Boolean>> ready = new LinkedHashMap<>();
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            for (ComposeService service : compose.inStartOrder()) {
                List<CompletableFuture<Boolean>> dependencies = new ArrayList<>();
                service.dependsOn().keySet().forEach(d -> dependencies.add(ready.get(d)));
                CompletableFuture<Boolean> done = CompletableFuture.allOf(dependencies.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            service.dependsOn().forEach((dependency, condition) -> {
                                if (!ready.get(dependency).join() && !condition.equals("service_completed_successfully")) {
                                    throw new IllegalStateException(service.name() + " waits for " + dependency + " (" + condition
                                            + "), which does not run here");
                                }
                            });
                            boolean started = stack.start(service);
                            if (started && service.healthcheck().isPresent()) {
                                health.awaitHealthy(service, service.healthcheckSettings());
                            }
                            return started;
                        }, executor);
                ready.put(service.name(), done);
            }
            // the first failure ends the wait (the others are stopped with the network)
            CompletableFuture<Object> firstFailure = new CompletableFuture<>();
            ready.values().forEach(f -> f.whenComplete((v, e) -> {
                if (e != null) {
                    firstFailure.completeExceptionally(e);
                }
            }));
            CompletableFuture.anyOf(CompletableFuture.allOf(ready.values().toArray(CompletableFuture[]::new)), firstFailure).join();
            report.pass("every service that runs here started and passed its health check");
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("start-up failed: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } finally {
            executor.shutdown();
        }
    }

    static String traceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] |= 1;
        return HexFormat.of().formatHex(bytes);
    }

    static String spanId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        bytes[0] |= 1;
        return HexFormat.of().formatHex(bytes);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
