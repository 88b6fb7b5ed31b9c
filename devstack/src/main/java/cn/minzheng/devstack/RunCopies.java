package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jars the stack runs from, copied into {@code .devstack/run/} first. A JVM loads classes from its
 * jar lazily, and Maven rewrites {@code target/*.jar} in place: without the copy, a
 * {@code ./mvnw install} while the stack runs makes running services fail with
 * {@code NoClassDefFoundError}. A copy is refreshed only when the jar changed (size or time).
 */
final class RunCopies {

    private final Path runDir;
    private final Map<Path, Path> copies = new LinkedHashMap<>();

    RunCopies(Path runDir) {
        this.runDir = runDir;
    }

    /** Where {@code jar} will be run from; the copy is made by {@link #refresh()}. */
    Path of(Path jar) {
        Path source = jar.toAbsolutePath().normalize();
        return copies.computeIfAbsent(source, s -> runDir.resolve(s.getFileName().toString()));
    }

    /** Copies every jar that is missing or older in the run folder. */
    void refresh() {
        try {
            Files.createDirectories(runDir);
            for (Map.Entry<Path, Path> copy : copies.entrySet()) {
                Path source = copy.getKey();
                Path target = copy.getValue();
                if (!Files.exists(target) || Files.size(target) != Files.size(source)
                        || !Files.getLastModifiedTime(target).equals(Files.getLastModifiedTime(source))) {
                    Path partial = target.resolveSibling(target.getFileName() + ".part");
                    Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the jars to run into " + runDir, e);
        }
    }
}
