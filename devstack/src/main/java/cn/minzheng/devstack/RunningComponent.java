package cn.minzheng.devstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started component: its process, and the means to stop it with everything it started. */
public final class RunningComponent {

    private final ComponentSpec spec;
    private final Process process;

    RunningComponent(ComponentSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    public String name() {
        return spec.name();
    }

    public ComponentSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code when the process has ended. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    public List<String> lastLogLines(int lines) {
        return LogTail.lastLines(spec.logFile(), lines);
    }

    /**
     * Asks the process and its descendants to end (SIGTERM: shutdown hooks run), waits up to the
     * component's {@link ComponentSpec#stopGrace()}, then kills whatever is left. Returns when
     * nothing of this component runs any more.
     */
    public void stop() {
        Duration grace = spec.stopGrace();
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.onExit().orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> child).join();
            }
        }
    }
}
