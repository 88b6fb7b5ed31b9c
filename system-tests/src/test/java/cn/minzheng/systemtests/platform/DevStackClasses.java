package cn.minzheng.systemtests.platform;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The devstack's classes and libraries, unpacked from its Spring Boot fat jar
 * ({@code BOOT-INF/classes}, {@code BOOT-INF/lib/*.jar}) into a folder of this module's target, as a
 * plain classpath for the launcher. Unpacked again only when the jar changed.
 */
final class DevStackClasses {

    private DevStackClasses() {
    }

    /** @return the classpath: the classes folder, then every library jar (absolute paths) */
    static String unpack(Path fatJar, Path into) throws IOException {
        Path stamp = into.resolve(".unpacked-from");
        String identity = fatJar.toAbsolutePath() + " " + Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis();
        if (!Files.isRegularFile(stamp) || !Files.readString(stamp, StandardCharsets.UTF_8).equals(identity)) {
            delete(into);
            Files.createDirectories(into);
            try (ZipFile zip = new ZipFile(fatJar.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (entry.isDirectory() || !name.startsWith("BOOT-INF/")) {
                        continue;
                    }
                    Path target = into.resolve(name.substring("BOOT-INF/".length())).normalize();
                    if (!target.startsWith(into)) {
                        throw new IOException("entry outside the folder: " + name);
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(stamp, identity, StandardCharsets.UTF_8);
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(into.resolve("classes").toAbsolutePath().toString());
        try (Stream<Path> libs = Files.list(into.resolve("lib"))) {
            libs.filter(p -> p.toString().endsWith(".jar")).sorted()
                    .forEach(p -> classpath.add(p.toAbsolutePath().toString()));
        }
        return String.join(File.pathSeparator, classpath);
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
