package cn.minzheng.systemtests.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The platform's processes as a fault test sees them: found by command line, stopped, and started
 * again with exactly the command, environment and working directory they had (read from
 * {@code /proc} before they are stopped). The devstack does not restart a single component, so a
 * restarted component is this JVM's child and is stopped by {@link #stopRestarted()}.
 */
public final class Components {

    /** What identifies a component's JVM: a fragment of its command line plus its port argument. */
    public enum Component {
        KAFKA("cn.minzheng.platform.embedded.EmbeddedKafka"),
        ASSISTANCE("assistance-service-0.1.0-SNAPSHOT.jar"),
        ORG("org-service-0.1.0-SNAPSHOT.jar"),
        AUDIT("audit-service-0.1.0-SNAPSHOT.jar");

        final String marker;

        Component(String marker) {
            this.marker = marker;
        }

        /** The argument that carries the component's port on its command line. */
        String portArgument(Platform.Ports ports) {
            return switch (this) {
                case KAFKA -> String.valueOf(ports.kafka());
                case ASSISTANCE -> "--server.port=" + ports.assistance();
                case ORG -> "--server.port=" + ports.org();
                case AUDIT -> "--server.port=" + ports.audit();
            };
        }
    }

    /** A stopped component, with what it takes to start it again. */
    public record Stopped(Component component, List<String> command, Map<String, String> environment, Path workingDir) {
    }

    private static final String DATA_MARKER = "-Dminzheng.devstack.data=";

    private final Path logs;
    private final Platform.Ports ports;
    /** The data folder of the devstack this JVM started (its processes carry it), null when attached. */
    private final Path dataDir;
    private final List<Process> restarted = new CopyOnWriteArrayList<>();

    Components(Path logs, Platform.Ports ports, Path dataDir) {
        this.logs = logs;
        this.ports = ports;
        this.dataDir = dataDir;
    }

    /** The running process of the component (the one holding its port's argument, of this run's devstack). */
    public ProcessHandle find(Component component) {
        String port = component.portArgument(ports);
        return ProcessHandle.allProcesses()
                .filter(p -> commandLine(p).map(args -> args.stream().anyMatch(a -> a.contains(component.marker))
                        && args.contains(port) && (dataDir == null || args.contains(DATA_MARKER + dataDir))).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(component + " is not running (no process with '"
                        + component.marker + "' and '" + port + "' on its command line)"));
    }

    /**
     * Starts one more instance of a service next to the running one: its command line, environment
     * and working directory, another port, its own Eureka instance id. A child of this JVM.
     */
    public Process startAnotherInstance(Component component, int port, String instanceId) {
        if (component == Component.KAFKA) {
            throw new IllegalArgumentException("one broker only");
        }
        ProcessHandle running = find(component);
        long pid = running.pid();
        String portArgument = component.portArgument(ports);
        List<String> command = commandLine(running).orElseThrow().stream()
                .map(a -> a.equals(portArgument) ? "--server.port=" + port : a).toList();
        Map<String, String> env = new LinkedHashMap<>(environment(pid));
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("EUREKA_INSTANCE_INSTANCE_ID", instanceId);
        return start(new Stopped(component, command, env, workingDir(pid)));
    }

    /**
     * Stops the component: {@code kill} (SIGTERM, shutdown hooks run) or, when {@code hard}, SIGKILL.
     * Returns once the process is gone.
     */
    public Stopped stop(Component component, boolean hard) {
        ProcessHandle process = find(component);
        long pid = process.pid();
        Stopped stopped = new Stopped(component, commandLine(process).orElseThrow(), environment(pid), workingDir(pid));
        List<ProcessHandle> children = process.descendants().toList();
        if (hard) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        children.forEach(hard ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
        return stopped;
    }

    /** Starts a stopped component again with its own command, environment and working directory. */
    public Process start(Stopped stopped) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(stopped.component().name().toLowerCase() + "-" + Instant.now().toEpochMilli() + ".log");
            ProcessBuilder builder = new ProcessBuilder(stopped.command())
                    .directory(stopped.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(stopped.environment());
            Process process = builder.start();
            restarted.add(process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + stopped.component() + " again", e);
        }
    }

    /** Stops the components this JVM started again (SIGTERM, then kill). */
    void stopRestarted() {
        for (Process p : restarted) {
            if (p.isAlive()) {
                List<ProcessHandle> children = p.descendants().toList();
                p.destroy();
                try {
                    if (!p.waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    p.destroyForcibly();
                    Thread.currentThread().interrupt();
                }
                children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            }
        }
        restarted.clear();
    }

    private static Optional<List<String>> commandLine(ProcessHandle p) {
        Path cmdline = Path.of("/proc", String.valueOf(p.pid()), "cmdline");
        try {
            byte[] bytes = Files.readAllBytes(cmdline);
            if (bytes.length == 0) {
                return Optional.empty();
            }
            return Optional.of(split(bytes));
        } catch (IOException | SecurityException e) {
            return p.info().commandLine().map(line -> Arrays.asList(line.split(" ")));
        }
    }

    private static Map<String, String> environment(long pid) {
        try {
            Map<String, String> env = new LinkedHashMap<>();
            for (String entry : split(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")))) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the environment of pid " + pid + " (needs Linux /proc)", e);
        }
    }

    private static Path workingDir(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the working directory of pid " + pid, e);
        }
    }

    private static List<String> split(byte[] nulSeparated) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < nulSeparated.length; i++) {
            if (nulSeparated[i] == 0) {
                parts.add(new String(nulSeparated, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < nulSeparated.length) {
            parts.add(new String(nulSeparated, start, nulSeparated.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }
}
