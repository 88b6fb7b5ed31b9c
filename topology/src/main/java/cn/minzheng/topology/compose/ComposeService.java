package cn.minzheng.topology.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One service of the compose file, its settings read the way compose reads them. */
public final class ComposeService {

    private final String name;
    private final Map<String, Object> definition;

    ComposeService(String name, Map<String, Object> definition) {
        this.name = name;
        this.definition = definition;
    }

    public String name() {
        return name;
    }

    public Optional<String> image() {
        return Optional.ofNullable((String) definition.get("image"));
    }

    /** {@code build.args.MODULE}: the Maven module the Dockerfile packages for this service. */
    public Optional<String> buildModule() {
        if (!(definition.get("build") instanceof Map<?, ?> build) || !(build.get("args") instanceof Map<?, ?> args)) {
            return Optional.empty();
        }
        return Optional.ofNullable(args.get("MODULE")).map(String::valueOf);
    }

    public List<String> command() {
        return words(definition.get("command"));
    }

    public List<String> entrypoint() {
        return words(definition.get("entrypoint"));
    }

    /** {@code environment}, as a mapping or as a list of {@code KEY=value}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = definition.get("environment");
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : scalar(v)));
        } else if (value instanceof List<?> l) {
            for (Object item : l) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** {@code depends_on}: service → condition ({@code service_started} for the short list form). */
    public Map<String, String> dependsOn() {
        Map<String, String> conditions = new LinkedHashMap<>();
        Object value = definition.get("depends_on");
        if (value instanceof List<?> l) {
            l.forEach(s -> conditions.put(String.valueOf(s), "service_started"));
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> conditions.put(String.valueOf(k),
                    v instanceof Map<?, ?> c && c.get("condition") != null ? String.valueOf(c.get("condition")) : "service_started"));
        }
        return conditions;
    }

    /** {@code ports} in short syntax: {@code [HOST_IP:]HOST:CONTAINER}. */
    public List<PublishedPort> ports() {
        List<PublishedPort> ports = new ArrayList<>();
        if (definition.get("ports") instanceof List<?> l) {
            for (Object item : l) {
                ports.add(PublishedPort.parse(String.valueOf(item)));
            }
        }
        return ports;
    }

    /** {@code volumes} in short syntax: {@code SOURCE:TARGET[:ro]}; a source starting with . or / is a bind mount. */
    public List<Mount> volumes() {
        List<Mount> mounts = new ArrayList<>();
        if (definition.get("volumes") instanceof List<?> l) {
            for (Object item : l) {
                String[] parts = String.valueOf(item).split(":");
                if (parts.length < 2) {
                    throw new IllegalArgumentException(name + ": an anonymous volume is not supported: " + item);
                }
                boolean bind = parts[0].startsWith(".") || parts[0].startsWith("/");
                mounts.add(new Mount(bind ? Mount.Kind.BIND : Mount.Kind.VOLUME, parts[0], parts[1],
                        parts.length > 2 && parts[2].contains("ro")));
            }
        }
        return mounts;
    }

    /** The top-level secrets the service mounts (short or long syntax). */
    public List<String> secrets() {
        return secretMounts().stream().map(SecretMount::source).toList();
    }

    /**
     * {@code secrets}: short syntax mounts {@code /run/secrets/<name>}; long syntax
     * {@code {source, target}} mounts the secret {@code source} at {@code /run/secrets/<target>}
     * (an absolute target as it is).
     */
    public List<SecretMount> secretMounts() {
        List<SecretMount> mounts = new ArrayList<>();
        if (definition.get("secrets") instanceof List<?> l) {
            for (Object item : l) {
                if (item instanceof Map<?, ?> m) {
                    String source = String.valueOf(m.get("source"));
                    String target = m.get("target") == null ? source : String.valueOf(m.get("target"));
                    mounts.add(new SecretMount(source, target.startsWith("/") ? target : "/run/secrets/" + target));
                } else {
                    mounts.add(new SecretMount(String.valueOf(item), "/run/secrets/" + item));
                }
            }
        }
        return mounts;
    }

    /** {@code user}: who the image's command runs as, when compose says. */
    public Optional<String> user() {
        return Optional.ofNullable(definition.get("user")).map(String::valueOf);
    }

    public Optional<Healthcheck> healthcheck() {
        if (!(definition.get("healthcheck") instanceof Map<?, ?> h) || h.get("test") == null) {
            return Optional.empty();
        }
        Object test = h.get("test");
        List<String> words = test instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of("CMD-SHELL", String.valueOf(test));
        return Optional.of(new Healthcheck(words));
    }

    /** interval, timeout, retries, start_period of the health check (empty without one). */
    public Map<String, Object> healthcheckSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (definition.get("healthcheck") instanceof Map<?, ?> h) {
            h.forEach((k, v) -> settings.put(String.valueOf(k), v));
        }
        return settings;
    }

    public Optional<String> memLimit() {
        return Optional.ofNullable(definition.get("mem_limit")).map(String::valueOf);
    }

    public Optional<String> restart() {
        return Optional.ofNullable(definition.get("restart")).map(String::valueOf);
    }

    private static List<String> words(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of("sh", "-c", String.valueOf(value));
    }

    private static String scalar(Object v) {
        return v instanceof Boolean || v instanceof Number ? String.valueOf(v) : String.valueOf(v);
    }

    @Override
    public String toString() {
        return name;
    }

    /** A published port: where on the host (address, port) and which port of the container. */
    public record PublishedPort(String hostAddress, int hostPort, int containerPort) {
        static PublishedPort parse(String spec) {
            String[] parts = spec.split(":");
            return switch (parts.length) {
                case 1 -> new PublishedPort("0.0.0.0", Integer.parseInt(parts[0]), Integer.parseInt(parts[0]));
                case 2 -> new PublishedPort("0.0.0.0", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                case 3 -> new PublishedPort(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                default -> throw new IllegalArgumentException("port not understood: " + spec);
            };
        }

        public boolean onAllInterfaces() {
            return hostAddress.equals("0.0.0.0") || hostAddress.equals("::");
        }
    }

    /** A secret of the compose file and the file it is inside the container. */
    public record SecretMount(String source, String target) {
    }

    /** A volume, bind mount or secret inside the container. */
    public record Mount(Kind kind, String source, String target, boolean readOnly) {
        public enum Kind { VOLUME, BIND, SECRET }
    }

    /** {@code healthcheck.test}: {@code CMD …} runs the words; {@code CMD-SHELL …} runs one shell line. */
    public record Healthcheck(List<String> test) {
        public List<String> command() {
            return switch (test.get(0)) {
                case "CMD" -> test.subList(1, test.size());
                // the images' /bin/sh differ (bash in Keycloak's UBI image, dash, busybox); bash runs every line here
                case "CMD-SHELL" -> List.of("bash", "-c", String.join(" ", test.subList(1, test.size())));
                case "NONE" -> List.of();
                default -> test;
            };
        }

        /** The program the check runs first (for CMD-SHELL: the first word of the line). */
        public String program() {
            List<String> command = command();
            if (command.isEmpty()) {
                return "";
            }
            if (command.get(0).equals("bash") && command.size() == 3) {
                String line = command.get(2).trim();
                if (line.startsWith("exec ")) {
                    return "bash"; // exec 3<>/dev/tcp/… needs bash
                }
                return line.split("\\s+")[0];
            }
            return command.get(0);
        }
    }
}
