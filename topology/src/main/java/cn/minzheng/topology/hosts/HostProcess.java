package cn.minzheng.topology.hosts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process running on a {@link Host}; its pid is the program's own (every wrapper execs). */
public final class HostProcess {

    private final String label;
    private final Host host;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private final List<Host.Bind> binds;
    private final String workdir;
    private final int uid;

    HostProcess(String label, Host host, Process process, Path log, List<String> command, Map<String, String> environment,
                List<Host.Bind> binds, String workdir, int uid) {
        this.label = label;
        this.host = host;
        this.process = process;
        this.log = log;
        this.command = command;
        this.environment = environment;
        this.binds = binds;
        this.workdir = workdir;
        this.uid = uid;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public Host host() {
        return host;
    }

    String label() {
        return label;
    }

    Map<String, String> environment() {
        return environment;
    }

    List<Host.Bind> binds() {
        return binds;
    }

    String workdir() {
        return workdir;
    }

    int uid() {
        return uid;
    }

    /** Runs a short command beside this process, seeing its files, environment and user (docker exec). */
    public Shell.Result exec(List<String> command, long timeoutSeconds) {
        return host.execBeside(this, command, timeoutSeconds);
    }

    /** Exit code once it has ended, else -1. */
    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits for it to end by itself (a one-shot job); true if it ended within the time. */
    public boolean awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** SIGTERM to the process and everything it started (kc.sh starts Keycloak's JVM as a child). */
    void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** SIGKILL to whatever of it is still running, then forget it. */
    void killRemains() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        host.forget(this);
    }

    /** SIGTERM, then SIGKILL after 20 s. */
    public void stop() {
        terminate();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        killRemains();
    }

    /** SIGKILL at once, as a crash or an OOM kill would end it. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        host.forget(this);
    }

    /** The same command started again on the same host (what {@code restart: unless-stopped} does). */
    public HostProcess restart() {
        return host.start(label, command, environment, binds, workdir, uid, log);
    }

    @Override
    public String toString() {
        return label + " (pid " + pid() + ") on " + host;
    }
}
