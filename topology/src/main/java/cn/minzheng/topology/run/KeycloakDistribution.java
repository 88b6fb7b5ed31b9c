package cn.minzheng.topology.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip in the Maven
 * repository), unpacked once into a cache folder and reused: the server's own build step (run by
 * {@code kc.sh start} when the build options change) is kept with it.
 */
final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    static Path unpacked(Path zip, Path cache, Report report) {
        String name = zip.getFileName().toString().replace(".zip", "").replace("keycloak-quarkus-dist-", "keycloak-");
        Path home = cache.resolve(name);
        Path done = cache.resolve(name + ".unpacked");
        if (Files.exists(done)) {
            return home;
        }
        report.step("unpacking " + zip.getFileName() + " into " + cache);
        Path partial = cache.resolve(name + ".partial");
        try {
            deleteQuietly(partial);
            deleteQuietly(home);
            Files.createDirectories(partial);
            try (ZipFile file = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String path = entry.getName();
                    int slash = path.indexOf('/');
                    if (slash < 0 || slash == path.length() - 1) {
                        continue; // the top folder itself
                    }
                    Path target = partial.resolve(path.substring(slash + 1)).normalize();
                    if (!target.startsWith(partial)) {
                        throw new IOException("entry outside the distribution: " + path);
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (path.endsWith(".sh")) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
            Files.move(partial, home);
            Files.createFile(done);
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static void deleteQuietly(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
