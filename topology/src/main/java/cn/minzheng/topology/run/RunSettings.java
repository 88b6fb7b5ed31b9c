package cn.minzheng.topology.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Where things are for one run: the repository, the run's own folder (data volumes, logs, secrets),
 * the JDK for Keycloak, the Keycloak distribution, and the class path for the broker and the store.
 */
public record RunSettings(Path root, Path composeFile, Path envFile, Path runDir, Path keycloakJdk, Path keycloakZip,
                          Path keycloakCache, List<Path> infraClasspath) {

    public Path logs() {
        return runDir.resolve("logs");
    }

    public Path volume(String name) {
        return runDir.resolve("volumes").resolve(name);
    }

    public String classpath() {
        return String.join(":", infraClasspath.stream().map(Path::toString).toList());
    }
}
