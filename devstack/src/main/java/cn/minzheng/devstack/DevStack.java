package cn.minzheng.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.minzheng.platform.embedded.DemoUser;
import cn.minzheng.platform.embedded.DirectoryTrees;
import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * The whole platform on one machine, each component in its own JVM: Kafka (KRaft), the
 * Mongo-wire server, the identity server (OpenID Connect and the scripted token issuer), registry,
 * assistance, org and audit services, gateway, and the web console when the repository has it.
 *
 * <pre>{@code
 * java -jar devstack/target/devstack-0.1.0-SNAPSHOT.jar [--reset] [--only infra]
 * }</pre>
 *
 * Programmatically (system tests): {@code try (DevStack stack = DevStack.start(options)) { … }}.
 */
public final class DevStack implements AutoCloseable {

    /** The identity server's password for every demo user (identity module, DemoUsers.PASSWORD); devstack only. */
    static final String DEMO_PASSWORD = "demo";

    private final DevStackOptions options;
    private final PlatformPlan plan;
    private final StackLauncher.RunningStack running;

    private DevStack(DevStackOptions options, PlatformPlan plan, StackLauncher.RunningStack running) {
        this.options = options;
        this.plan = plan;
        this.running = running;
    }

    /**
     * Starts the stack and returns once every component is ready (services healthy and
     * registered in Eureka).
     *
     * @throws StartupFailure naming the component that failed (ports in use, missing jar, crash,
     *                        timeout); whatever had started is stopped again
     */
    public static DevStack start(DevStackOptions options) {
        return start(options, new StackLauncher(options.out()));
    }

    static DevStack start(DevStackOptions options, StackLauncher launcher) {
        PlatformPlan plan = new PlatformPlan(options);
        List<List<ComponentSpec>> stages = plan.stages();
        // ports first: --reset must not wipe the data of a stack that is still running
        try {
            StackLauncher.checkPorts(stages);
        } catch (StartupFailure.PortInUse e) {
            List<ProcessHandle> leftovers = leftoversOf(options.dataDir());
            if (leftovers.isEmpty()) {
                throw e;
            }
            String pids = leftovers.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(" "));
            throw new StartupFailure.PortInUse(e.component(), e.port(), "processes of an earlier devstack with data in "
                    + options.dataDir() + " still run (was it killed with -9?): stop them with  kill " + pids);
        }
        if (options.reset()) {
            options.out().println("… --reset: deleting " + options.dataDir());
            DirectoryTrees.delete(options.dataDir());
        }
        plan.prepareRunCopies();
        StackLauncher.RunningStack running = launcher.start(stages);
        return new DevStack(options, plan, running);
    }

    /** Other processes whose command line names this data folder: components of a stack whose launcher died. */
    static List<ProcessHandle> leftoversOf(Path dataDir) {
        String marker = PlatformPlan.DATA_MARKER + dataDir.toAbsolutePath().normalize();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .toList();
    }

    /** Stops every component started, gateway first, Kafka last. */
    public void stop() {
        running.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public List<RunningComponent> components() {
        return running.components();
    }

    public RunningComponent component(String name) {
        return running.component(name);
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + options.ports().gateway();
    }

    /** The web console through the gateway ({@code /console/}); {@code null} when the stack runs without it. */
    public String consoleUrl() {
        boolean started = running.components().stream().anyMatch(c -> c.name().equals(PlatformPlan.CONSOLE));
        return started ? plan.consoleUrl() : null;
    }

    public String swaggerUiUrl() {
        return gatewayUrl() + "/swagger-ui.html";
    }

    public String bootstrapServers() {
        return plan.bootstrapServers();
    }

    public String mongoUri() {
        return plan.mongoUri();
    }

    public String jwkSetUri() {
        return plan.jwkSetUri();
    }

    public String issuer() {
        return options.issuer();
    }

    public String eurekaUrl() {
        return plan.eurekaUrl();
    }

    /** {@code .devstack/issuer/tokens.json}, written by the issuer at each start. */
    public Path tokensFile() {
        return plan.tokensFile();
    }

    /** Demo user key ({@code citizen}, {@code clerk}, …) → bearer token, read from {@link #tokensFile()}. */
    public Map<String, String> demoTokens() {
        try {
            Map<String, Object> document = JSONObjectUtils.parse(Files.readString(tokensFile(), StandardCharsets.UTF_8));
            Map<String, String> tokens = new LinkedHashMap<>();
            JSONObjectUtils.getJSONObject(document, "users").forEach((key, entry) ->
                    tokens.put(key, (String) ((Map<?, ?>) entry).get("access_token")));
            return tokens;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read demo tokens from " + tokensFile(), e);
        }
    }

    void printSummary() {
        PrintStream out = options.out();
        out.println();
        if (options.scope() == DevStackOptions.Scope.ALL) {
            out.println("民政 devstack is up.");
            if (consoleUrl() != null) {
                out.println("  Console     " + consoleUrl() + "   (log in as a demo user below)");
            }
            out.println("  Gateway     " + gatewayUrl());
            out.println("  Swagger UI  " + swaggerUiUrl());
            out.println("  Eureka      http://127.0.0.1:" + options.ports().registry());
        } else {
            out.println("民政 devstack infrastructure is up.");
        }
        out.println("  Kafka       " + bootstrapServers());
        out.println("  Mongo       " + mongoUri());
        out.println("  Identity    " + issuer() + "   (OpenID Connect: " + issuer() + "/.well-known/openid-configuration)");
        out.println("  JWKS        " + jwkSetUri() + "   (issuer " + issuer() + ")");
        out.println("  Data        " + options.dataDir() + "   (logs in " + options.dataDir().resolve("logs") + ")");
        out.println();
        out.println("Demo logins (the console's login page; password \"" + DEMO_PASSWORD + "\" for every one — devstack only):");
        for (DemoUser user : DemoUser.all()) {
            out.println("  " + String.format("%-14s", user.key()) + user.name() + "  " + String.join(",", user.roles())
                    + "  region " + user.region());
        }
        out.println();
        out.println("Demo tokens (also in " + tokensFile() + "):");
        demoTokens().forEach((user, token) -> out.println("  " + String.format("%-14s", user) + token));
        out.println();
        out.println("Example: curl -H \"Authorization: Bearer $(jq -r .users.clerk.access_token " + tokensFile() + ")\" "
                + gatewayUrl() + "/api/v1/assistance/applications");
        out.println("Ctrl-C stops everything.");
    }

    /** Reports, once each, components that die after the stack was up. Returns when all are gone. */
    private void watch() throws InterruptedException {
        Set<String> reported = new HashSet<>();
        while (!running.isStopped()) {
            for (RunningComponent component : components()) {
                if (!component.isAlive() && !stoppingWithin(Duration.ofMillis(500)) && reported.add(component.name())) {
                    StartupFailure exited = new StartupFailure(component.name(), "exited with code "
                            + component.exitCode(), component.spec().logFile(), component.lastLogLines(20));
                    options.out().println(exited.report());
                }
            }
            if (reported.size() == components().size()) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    /**
     * This JVM runs from {@code devstack/target/*.jar}, which a rebuild rewrites in place; classes
     * first needed at Ctrl-C or on a crash report would then fail to load. Load them now.
     */
    private static void preloadForLater() {
        for (Class<?> type : List.of(StartupFailure.class, StartupFailure.PortInUse.class, RunningComponent.class,
                LogTail.class, StackLauncher.RunningStack.class, Readiness.class, DemoUser.class)) {
            try {
                Class.forName(type.getName(), true, DevStack.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            JSONObjectUtils.parse("{\"users\":{\"a\":{\"access_token\":\"t\"}}}"); // the tokens file parser and its JSON library
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        LogTail.lastLines(Path.of("does-not-exist.log"), 1);
    }

    /** Ctrl-C reaches the children too: a child gone a moment before our own hook ran is no crash. */
    private boolean stoppingWithin(Duration grace) throws InterruptedException {
        Thread.sleep(grace.toMillis());
        return running.isStopped();
    }

    public static void main(String[] args) throws InterruptedException {
        DevStackOptions options;
        try {
            options = DevStackOptions.parse(args, Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        preloadForLater();
        StackLauncher launcher = new StackLauncher(options.out());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (launcher.stack().components().isEmpty()) {
                launcher.stack().stop(); // nothing to stop, but nothing may start any more either
            } else if (!launcher.stack().isStopped()) {
                System.out.println(System.lineSeparator() + "stopping the devstack …");
                launcher.stack().stop();
                System.out.println("stopped; nothing is left running.");
            }
        }, "devstack-stop"));
        try {
            DevStack stack = start(options, launcher);
            stack.printSummary();
            stack.watch();
            if (!launcher.stack().isStopped()) {
                System.out.println("every component has ended; exiting");
                System.exit(1);
            }
        } catch (StartupFailure e) {
            if (!e.isReported()) {
                System.out.println(e.report());
            }
            System.out.println("nothing is left running.");
            System.exit(e instanceof StartupFailure.PortInUse ? 2 : 1);
        }
    }
}
