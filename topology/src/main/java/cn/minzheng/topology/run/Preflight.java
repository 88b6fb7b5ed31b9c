package cn.minzheng.topology.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import cn.minzheng.topology.hosts.Shell;

/** What the run needs from the machine; each missing piece is named with how to get it. */
final class Preflight {

    private Preflight() {
    }

    static List<String> missing(Path keycloakZip) {
        List<String> missing = new ArrayList<>();
        if (!Shell.run(List.of("id", "-u"), 5).output().equals("0")) {
            missing.add("root: network namespaces and mounts need root (CI runs as root; run it with sudo)");
        }
        if (!Shell.run(List.of("ip", "netns", "list"), 5).ok()) {
            missing.add("ip netns (iproute2) does not work here");
        }
        if (jdk21().isEmpty()) {
            missing.add("a JDK >= 21 for Keycloak: none under /usr/lib/jvm and KEYCLOAK_JAVA_HOME unset"
                    + " (apt-get install openjdk-21-jdk-headless, or set KEYCLOAK_JAVA_HOME)");
        }
        if (!Files.isRegularFile(keycloakZip)) {
            missing.add("the Keycloak distribution " + keycloakZip + " (topology/run.sh fetches it with ./mvnw dependency:get)");
        }
        for (String program : List.of("prometheus", "promtool", "setpriv", "openssl", "psql")) {
            if (!Shell.onPath(program)) {
                missing.add(program + " (apt-get install prometheus postgresql openssl util-linux)");
            }
        }
        if (!Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
            missing.add("a PostgreSQL server for Keycloak's database (apt-get install postgresql)");
        }
        return missing;
    }

    /** KEYCLOAK_JAVA_HOME, else the newest JDK >= 21 under /usr/lib/jvm. */
    static Optional<Path> jdk21() {
        String explicit = System.getenv("KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(p -> major(p) >= 21);
        }
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> Files.isExecutable(p.resolve("bin/java")) && major(p) >= 21)
                    .max(java.util.Comparator.comparingInt(Preflight::major));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(Path jdk) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(jdk.resolve("release"))) {
            release.load(in);
            String version = release.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
            return Integer.parseInt(version.split("[.]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
