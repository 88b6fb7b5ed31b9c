package cn.minzheng.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One process of the stack: how to start it, which ports it takes, and how to tell it is ready.
 *
 * @param name         what the user sees in progress lines and errors ({@code kafka}, {@code gateway})
 * @param command      the full command line, starting with the {@code java} executable
 * @param environment  variables added to the inherited environment
 * @param ports        loopback ports the component will listen on (checked to be free before anything starts)
 * @param readiness    polled until it answers true
 * @param startTimeout how long to wait for readiness before giving up
 * @param logFile      stdout and stderr of the process
 * @param workingDir   the process's working directory (relative paths a service writes land there)
 * @param stopGrace    how long a stop waits for the process to end after SIGTERM before it kills it
 */
public record ComponentSpec(String name, List<String> command, Map<String, String> environment, List<Integer> ports,
                            Readiness readiness, Duration startTimeout, Path logFile, Path workingDir, Duration stopGrace) {

    /** What most components need to stop: their shutdown hooks close connections and flush. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(15);

    public ComponentSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        ports = List.copyOf(ports);
    }

    public ComponentSpec(String name, List<String> command, Map<String, String> environment, List<Integer> ports,
                         Readiness readiness, Duration startTimeout, Path logFile, Path workingDir) {
        this(name, command, environment, ports, readiness, startTimeout, logFile, workingDir, DEFAULT_STOP_GRACE);
    }
}
