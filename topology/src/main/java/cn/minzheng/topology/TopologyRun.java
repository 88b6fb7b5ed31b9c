package cn.minzheng.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.topology.run.Run;
import cn.minzheng.topology.run.RunSettings;

/**
 * The production-topology run: {@code docker-compose.yml} brought up without Docker, each service on a
 * host of its own, then used as people would. Started by {@code topology/run.sh} (which builds what is
 * missing); exits 0 when every check passed.
 *
 * <pre>
 * --root DIR             the repository (default: .)
 * --env-file FILE        compose's variables for the run (default: topology/topology.env)
 * --run-dir DIR          volumes, secrets and logs of the run (default: topology/target/run)
 * --keycloak-cache DIR   where the Keycloak distribution is unpacked once (default: ~/.cache/minzheng-topology)
 * --keep                 leave the stack running until Enter is pressed (to look around)
 * </pre>
 */
public final class TopologyRun {

    private TopologyRun() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path runDir = root.resolve(options.getOrDefault("run-dir", "topology/target/run"));
        // this JVM resolves compose's service names as a client on the network does (a Kafka client is sent
        // to the advertised kafka:9092): from the run's hosts file, written once the hosts exist. Set
        // before anything resolves a name, the only time the JDK reads it.
        System.setProperty("jdk.net.hosts.file", Run.machineHostsFile(runDir).toString());
        Path composeFile = root.resolve("docker-compose.yml");
        String keycloakVersion = Run.keycloakVersion(composeFile);
        Path keycloakZip = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak", "keycloak-quarkus-dist",
                keycloakVersion, "keycloak-quarkus-dist-" + keycloakVersion + ".zip");
        Path classpathFile = root.resolve("topology/target/run-classpath.txt");
        List<Path> classpath = new ArrayList<>();
        classpath.add(root.resolve("topology/target/classes"));
        if (Files.exists(classpathFile)) {
            for (String entry : Files.readString(classpathFile).strip().split(":")) {
                classpath.add(Path.of(entry));
            }
        }
        RunSettings settings = new RunSettings(root, composeFile,
                root.resolve(options.getOrDefault("env-file", "topology/topology.env")),
                runDir,
                null, keycloakZip,
                Path.of(options.getOrDefault("keycloak-cache", System.getProperty("user.home") + "/.cache/minzheng-topology")),
                classpath);
        int exit = new Run(settings, options.containsKey("keep")).execute();
        System.exit(exit);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("keep")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }
}
