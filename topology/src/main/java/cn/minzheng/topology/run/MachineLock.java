package cn.minzheng.topology.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One topology run on a machine at a time. Runs share the mount points they make on the machine
 * ({@code /app}, {@code /opt/keycloak}, …): a run that removes them at its end detaches the mounts of
 * any other run still using them (seen: a developer's run ending while the next started). A second
 * run waits here for the first; the lock goes with the process, however it ends.
 */
final class MachineLock implements AutoCloseable {

    private static final Path FILE = Path.of("/run/lock/minzheng-topology-run.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static MachineLock acquire(Duration patience, Report report) {
        try {
            Files.createDirectories(FILE.getParent());
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                report.step("another topology run holds " + FILE + "; waiting for it to end (at most " + patience.toMinutes() + " min)");
                long deadline = System.nanoTime() + patience.toNanos();
                while (lock == null && System.nanoTime() < deadline) {
                    Stack.sleepQuietly(1000);
                    lock = channel.tryLock();
                }
                if (lock == null) {
                    channel.close();
                    throw new IllegalStateException("another topology run still holds " + FILE + " after " + patience.toMinutes() + " min");
                }
            }
            return new MachineLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + FILE, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
