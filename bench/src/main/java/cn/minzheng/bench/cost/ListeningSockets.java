package cn.minzheng.bench.cost;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which process listens on a TCP port, read from Linux's {@code /proc}: the socket's inode from
 * {@code /proc/net/tcp} and {@code tcp6} (state {@code 0A}, LISTEN), then the process whose
 * {@code /proc/<pid>/fd} holds {@code socket:[inode]}. Only processes of the bench's own user are
 * visible, which is what a devstack started by that user is.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private final Path proc;

    public ListeningSockets(Path proc) {
        this.proc = proc;
    }

    public static ListeningSockets system() {
        return new ListeningSockets(Path.of("/proc"));
    }

    /** The process listening on {@code port}, if one of this user's processes does. */
    public Optional<Long> pidListeningOn(int port) {
        Map<Integer, Long> inodes = new HashMap<>();
        for (String table : new String[] {"net/tcp", "net/tcp6"}) {
            Path file = proc.resolve(table);
            if (Files.isReadable(file)) {
                try {
                    inodes.putAll(listeningInodes(Files.readString(file)));
                } catch (IOException e) {
                    // a table that cannot be read names no listener
                }
            }
        }
        Long inode = inodes.get(port);
        return inode == null ? Optional.empty() : pidHolding("socket:[" + inode + "]");
    }

    /** Port → socket inode of every LISTEN row of a {@code /proc/net/tcp}-format table. */
    static Map<Integer, Long> listeningInodes(String table) {
        Map<Integer, Long> out = new HashMap<>();
        for (String line : table.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            if (f.length < 10 || !f[0].endsWith(":") || !LISTEN.equals(f[3])) {
                continue;
            }
            int colon = f[1].lastIndexOf(':');
            long inode = Long.parseLong(f[9]);
            if (colon > 0 && inode != 0) {
                out.put(Integer.parseInt(f[1].substring(colon + 1), 16), inode);
            }
        }
        return out;
    }

    private Optional<Long> pidHolding(String socket) {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pidDir : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (socket.equals(Files.readSymbolicLink(fd).toString())) {
                                return Optional.of(Long.parseLong(pidDir.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process, or gone
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
