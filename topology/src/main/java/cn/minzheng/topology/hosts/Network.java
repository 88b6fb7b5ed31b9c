package cn.minzheng.topology.hosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private network of hosts on this machine, one network namespace per compose service, joined by a
 * bridge, each with a hosts file naming every other (so {@code kafka}, {@code mongo},
 * {@code registry-service} resolve as on a compose network). The machine itself sits on the bridge at
 * {@code .1} and reaches every host; no host reaches beyond the bridge.
 *
 * <p>Names and the subnet carry a number no other run on the machine uses at the same time
 * ({@code mz<N>-…}, {@code 10.231.<N>.0/24}), so a CI run and a developer's run can overlap.
 */
public final class Network implements AutoCloseable {

    private final int number;
    private final String bridge;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final List<Path> createdHostPaths = new ArrayList<>();
    private boolean closed;

    private Network(int number) {
        this.number = number;
        this.bridge = "mz" + number + "-br";
    }

    /** Creates the bridge on the first free number from {@code preferred} on (1–250). */
    public static Network create(int preferred) {
        String addresses = Shell.check("ip", "-o", "addr", "show");
        String namespaces = Shell.run(List.of("ip", "netns", "list"), 10).output();
        String links = Shell.check("ip", "-o", "link", "show");
        for (int i = 0; i < 250; i++) {
            int n = 1 + Math.floorMod(preferred - 1 + i, 250);
            if (addresses.contains(" 10.231." + n + ".") || namespaces.contains("mz" + n + "-") || links.contains("mz" + n + "-")) {
                continue;
            }
            Network network = new Network(n);
            Shell.check("ip", "link", "add", network.bridge, "type", "bridge");
            Shell.check("ip", "link", "set", network.bridge, "up");
            Shell.check("ip", "addr", "add", network.gatewayAddress() + "/24", "dev", network.bridge);
            return network;
        }
        throw new IllegalStateException("no free 10.231.N.0/24 subnet for the run's network");
    }

    public String subnet() {
        return "10.231." + number + ".0/24";
    }

    /** The machine's own address on the bridge. */
    public String gatewayAddress() {
        return "10.231." + number + ".1";
    }

    /** Adds a host named after a compose service (its namespace {@code mz<N>-<name>}). */
    public Host addHost(String name) {
        int index = hosts.size() + 10;
        String namespace = "mz" + number + "-" + name;
        String address = "10.231." + number + "." + index;
        String outside = "mz" + number + "-v" + index;
        String inside = "mz" + number + "-e" + index;
        Shell.check("ip", "netns", "add", namespace);
        Shell.check("ip", "link", "add", outside, "type", "veth", "peer", "name", inside);
        Shell.check("ip", "link", "set", inside, "netns", namespace);
        Shell.check("ip", "link", "set", outside, "master", bridge);
        Shell.check("ip", "link", "set", outside, "up");
        Shell.check("ip", "netns", "exec", namespace, "ip", "addr", "add", address + "/24", "dev", inside);
        Shell.check("ip", "netns", "exec", namespace, "ip", "link", "set", inside, "up");
        Shell.check("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        Host host = new Host(name, namespace, address, this);
        hosts.put(name, host);
        return host;
    }

    /** Writes every host's {@code /etc/netns/<ns>/hosts}: localhost, then each compose service name. */
    public void writeHostsFiles() {
        StringBuilder table = new StringBuilder("127.0.0.1 localhost\n::1 localhost ip6-localhost\n");
        hosts.values().forEach(h -> table.append(h.address()).append(' ').append(h.name()).append('\n'));
        for (Host host : hosts.values()) {
            Path dir = Path.of("/etc/netns", host.namespace());
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("hosts"), table.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the hosts file of " + host.name(), e);
            }
        }
    }

    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null) {
            throw new IllegalArgumentException("no host " + name);
        }
        return host;
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    /**
     * A path a mount inside a host needs as its mount point: created on the machine if missing (a
     * mount point must exist) and removed again at {@link #close()} if the run made it. Hosts start in
     * parallel and several mount the same secret (e.g. {@code /run/secrets/kafka_password}), so the
     * check and the creation happen under the network's lock: two at once once failed the whole run
     * with the second {@code createFile} finding the first's file.
     */
    synchronized void ensureMountPoint(Path path, boolean file) {
        try {
            Path missing = path;
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            if (!Files.exists(path)) {
                synchronized (createdHostPaths) {
                    createdHostPaths.add(Files.exists(missing) ? path : missing);
                }
            }
            if (file) {
                Files.createDirectories(path.getParent());
                if (!Files.exists(path)) {
                    try {
                        Files.createFile(path);
                    } catch (FileAlreadyExistsException madeMeanwhile) {
                        // made by something outside this run since the check: a mount point all the same
                    }
                }
            } else {
                Files.createDirectories(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mount point " + path, e);
        }
    }

    /** Ends every process of every host, removes the namespaces, the bridge, the hosts files and the mount points the run made. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // every process at once: SIGTERM, up to 20 s to end, then SIGKILL
        hosts.values().forEach(Host::terminateAll);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline && hosts.values().stream().anyMatch(Host::anyAlive)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        hosts.values().forEach(Host::killAll);
        for (Host host : hosts.values()) {
            for (String pid : Shell.run(List.of("ip", "netns", "pids", host.namespace()), 10).output().split("\\s+")) {
                if (!pid.isBlank()) {
                    Shell.run(List.of("kill", "-9", pid), 5);
                }
            }
            Shell.run(List.of("ip", "netns", "del", host.namespace()), 10);
            deleteTree(Path.of("/etc/netns", host.namespace()));
        }
        Shell.run(List.of("ip", "link", "del", bridge), 10);
        synchronized (createdHostPaths) {
            createdHostPaths.stream().sorted(Comparator.comparing(Path::getNameCount).reversed()).forEach(Network::deleteTree);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a mount point still in use by a process that just died: left behind, reported by the caller's listing
                }
            });
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
