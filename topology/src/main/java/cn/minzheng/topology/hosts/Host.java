package cn.minzheng.topology.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One host of the run's network: a namespace with its own address, where one compose service runs. */
public final class Host {

    private final String name;
    private final String namespace;
    private final String address;
    private final Network network;
    private final List<HostProcess> processes = new ArrayList<>();

    Host(String name, String namespace, String address, Network network) {
        this.name = name;
        this.namespace = namespace;
        this.address = address;
        this.network = network;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String address() {
        return address;
    }

    /** A bind mount inside the host: {@code source} on the machine seen at {@code target}. */
    public record Bind(Path source, String target, boolean readOnly) {
    }

    /**
     * Starts {@code command} on this host: in its namespace, with the binds in order, in
     * {@code workdir}, as {@code uid} (0: root), with exactly {@code environment} (plus PATH),
     * output to {@code log}.
     */
    public HostProcess start(String label, List<String> command, Map<String, String> environment, List<Bind> binds,
                             String workdir, int uid, Path log) {
        ProcessBuilder builder = new ProcessBuilder(wrapped(label, command, binds, workdir, uid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(environment);
        try {
            log.toFile().getParentFile().mkdirs();
            Process process = builder.start();
            process.getOutputStream().close();
            HostProcess started = new HostProcess(label, this, process, log, command, environment, binds, workdir, uid);
            processes.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + " on " + name, e);
        }
    }

    /**
     * Runs a short command beside a running process, seeing what it sees (its binds, its environment,
     * its user): what {@code docker exec} does for a health check.
     */
    Shell.Result execBeside(HostProcess process, List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>(List.of("env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        process.environment().forEach((k, v) -> full.add(k + "=" + v));
        full.addAll(wrapped(process.label() + "-exec", command, process.binds(), process.workdir(), process.uid()));
        return Shell.run(full, timeoutSeconds);
    }

    /** ip netns exec NS bash -c '<mounts>; cd; exec [setpriv] "$@"' label COMMAND… */
    private List<String> wrapped(String label, List<String> command, List<Bind> binds, String workdir, int uid) {
        StringBuilder script = new StringBuilder("set -e\n");
        List<String> mounted = new ArrayList<>();
        for (Bind bind : binds) {
            boolean file = bind.source().toFile().isFile();
            boolean underEarlierMount = mounted.stream().anyMatch(m -> bind.target().startsWith(m + "/"));
            if (!underEarlierMount) {
                network.ensureMountPoint(Path.of(bind.target()), file);
            } else if (file) {
                script.append("mkdir -p '").append(Path.of(bind.target()).getParent()).append("'; [ -e '")
                        .append(bind.target()).append("' ] || touch '").append(bind.target()).append("'\n");
            } else {
                script.append("mkdir -p '").append(bind.target()).append("'\n");
            }
            script.append("mount --bind '").append(bind.source()).append("' '").append(bind.target()).append("'\n");
            if (bind.readOnly()) {
                script.append("mount -o remount,bind,ro '").append(bind.target()).append("'\n");
            }
            mounted.add(bind.target());
        }
        script.append("cd '").append(workdir).append("'\n");
        script.append(uid == 0 ? "exec \"$@\"\n"
                : "exec setpriv --reuid=" + uid + " --regid=" + uid + " --clear-groups -- \"$@\"\n");
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace, "bash", "-c", script.toString(), label));
        full.addAll(command);
        return full;
    }

    /** Runs a short command on this host (a health check), as root, with the machine's PATH. */
    public Shell.Result exec(List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return Shell.run(full, timeoutSeconds);
    }

    void terminateAll() {
        List.copyOf(processes).forEach(HostProcess::terminate);
    }

    boolean anyAlive() {
        return List.copyOf(processes).stream().anyMatch(HostProcess::isAlive);
    }

    void killAll() {
        List.copyOf(processes).forEach(HostProcess::killRemains);
    }

    void forget(HostProcess process) {
        processes.remove(process);
    }

    @Override
    public String toString() {
        return name + " (" + address + ")";
    }
}
