package cn.minzheng.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.minzheng.platform.embedded.FreePorts;

/**
 * Starts components in stages — the components of one stage together, the next stage once all of
 * them are ready — and stops everything started when one fails. Knows nothing about Kafka or
 * Spring: the platform's plan is {@link PlatformPlan}.
 */
public final class StackLauncher {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 25;

    private final PrintStream out;
    private final RunningStack stack;

    public StackLauncher(PrintStream out) {
        this.out = out;
        this.stack = new RunningStack(out);
    }

    /**
     * Checks every port first (nothing starts if one is taken), then starts stage after stage.
     *
     * @throws StartupFailure naming the component that failed; everything started is stopped again
     */
    public RunningStack start(List<List<ComponentSpec>> stages) {
        checkPorts(stages);
        try {
            for (List<ComponentSpec> stage : stages) {
                List<RunningComponent> launched = new ArrayList<>();
                for (ComponentSpec spec : stage) {
                    launched.add(stack.launch(spec, this::launch));
                }
                awaitReady(launched);
            }
            return stack;
        } catch (RuntimeException e) {
            if (e instanceof StartupFailure failure) {
                out.println(failure.report()); // before the stop lines, so the reason comes first
                failure.markReported();
            }
            stack.stop();
            throw e;
        }
    }

    /**
     * The components started so far. Stopping it while {@link #start} runs (Ctrl-C during start-up)
     * stops what was started and makes {@code start} fail instead of launching more.
     */
    public RunningStack stack() {
        return stack;
    }

    /** @throws StartupFailure.PortInUse for the first port some other process holds */
    public static void checkPorts(List<List<ComponentSpec>> stages) {
        for (List<ComponentSpec> stage : stages) {
            for (ComponentSpec spec : stage) {
                for (int port : spec.ports()) {
                    if (FreePorts.inUse(port)) {
                        throw new StartupFailure.PortInUse(spec.name(), port);
                    }
                }
            }
        }
    }

    private RunningComponent launch(ComponentSpec spec) {
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            Files.deleteIfExists(spec.logFile());
            Files.createDirectories(spec.workingDir());
            ProcessBuilder builder = new ProcessBuilder(spec.command())
                    .directory(spec.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(spec.logFile().toFile());
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            out.println("… starting " + spec.name() + " (pid " + process.pid() + ", log " + spec.logFile() + ")");
            return new RunningComponent(spec, process);
        } catch (IOException e) {
            throw new StartupFailure(spec.name(), "cannot start process: " + e.getMessage(), spec.logFile(), List.of());
        }
    }

    private void awaitReady(List<RunningComponent> components) {
        long start = System.nanoTime();
        long lastProgress = start;
        List<RunningComponent> waiting = new ArrayList<>(components);
        while (!waiting.isEmpty()) {
            if (stack.isStopped()) {
                throw new StartupFailure("devstack", "stopped while starting", null, List.of());
            }
            for (RunningComponent component : List.copyOf(waiting)) {
                ComponentSpec spec = component.spec();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (!component.isAlive()) {
                    throw new StartupFailure(spec.name(), "exited with code " + component.exitCode()
                            + " before it was ready", spec.logFile(), component.lastLogLines(TAIL_LINES));
                }
                if (spec.readiness().isReady()) {
                    out.printf("✓ %s ready after %.1f s%n", spec.name(), elapsed.toMillis() / 1000.0);
                    waiting.remove(component);
                } else if (elapsed.compareTo(spec.startTimeout()) > 0) {
                    String seen = spec.readiness().lastObservation();
                    throw new StartupFailure(spec.name(), "not ready within " + spec.startTimeout().toSeconds()
                            + " s (waiting for " + spec.readiness().description() + ")"
                            + (seen.isEmpty() ? "" : "; last: " + seen), spec.logFile(),
                            component.lastLogLines(TAIL_LINES));
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (Duration.ofNanos(now - lastProgress).compareTo(PROGRESS_EVERY) >= 0) {
                lastProgress = now;
                for (RunningComponent component : waiting) {
                    out.printf("  waiting for %s (%s) … %d s%n", component.name(),
                            component.spec().readiness().description(),
                            Duration.ofNanos(now - start).toSeconds());
                }
            }
            sleep(POLL);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("devstack", "interrupted while starting", null, List.of());
        }
    }

    /** What {@link #start} started; {@link #stop()} ends it in reverse order. */
    public static final class RunningStack {
        private final List<RunningComponent> components = new ArrayList<>();
        private final PrintStream out;
        private boolean stopped;

        RunningStack(PrintStream out) {
            this.out = out;
        }

        synchronized RunningComponent launch(ComponentSpec spec, java.util.function.Function<ComponentSpec, RunningComponent> launcher) {
            if (stopped) {
                throw new StartupFailure(spec.name(), "not started: the devstack is stopping", null, List.of());
            }
            RunningComponent component = launcher.apply(spec);
            components.add(component);
            return component;
        }

        public synchronized List<RunningComponent> components() {
            return List.copyOf(components);
        }

        public RunningComponent component(String name) {
            return components().stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no component " + name));
        }

        public synchronized boolean isStopped() {
            return stopped;
        }

        /** Stops every component, last started first; safe to call twice and from a shutdown hook. */
        public void stop() {
            List<RunningComponent> reversed;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                stopped = true;
                reversed = new ArrayList<>(components);
            }
            Collections.reverse(reversed);
            for (RunningComponent component : reversed) {
                if (component.isAlive()) {
                    out.println("… stopping " + component.name());
                }
                component.stop();
            }
        }
    }
}
