package cn.minzheng.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The files that make up the compose deployment, read from one repository tree: docker-compose.yml,
 * each Spring service's application.yml, the Keycloak realm compose imports, the Mongo init script,
 * Prometheus' configuration, the Dockerfile, the operations guide and deploy/env.example. The same
 * reader serves the repository and the snapshot taken before issue 13, so a check is a function of
 * a {@code Deployment} and can be run on both.
 *
 * @param root           the repository root (or the snapshot's)
 * @param composeText    docker-compose.yml as written (for `${…}` substitutions)
 * @param compose        docker-compose.yml parsed (merge keys resolved)
 * @param springConfigs  application.yml of each compose service built from a module, by service name
 */
record Deployment(Path root, String composeText, Map<String, Object> compose, Map<String, SpringConfig> springConfigs,
                  JsonNode realm, String mongoInit, Map<String, Object> prometheus, String dockerfile,
                  String operationsGuide, Optional<String> envExample) {

    /** A `${NAME…}` substitution in the compose file (`$${…}` is an escaped dollar, not one). */
    record Substitution(String name, String operator, String argument) {
        boolean required() {
            return operator.equals(":?") || operator.equals("?");
        }
    }

    private static final Pattern SUBSTITUTION =
            Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");

    /** The repository this test runs in (Maven runs it in deploy/). */
    static Deployment ofRepository() {
        return read(Path.of("").toAbsolutePath().getParent());
    }

    /** The snapshot of the deployment before issue 13 (src/test/resources/before-issue-13). */
    static Deployment beforeIssue13() {
        return read(Path.of("src/test/resources/before-issue-13").toAbsolutePath());
    }

    static Deployment read(Path root) {
        String composeText = text(root.resolve("docker-compose.yml"));
        Map<String, Object> compose = map(yaml().load(composeText));
        Map<String, SpringConfig> springConfigs = new LinkedHashMap<>();
        map(compose.get("services")).forEach((name, definition) -> moduleOf(map(definition)).ifPresent(module ->
                springConfigs.put(name, SpringConfig.read(root.resolve(module).resolve("src/main/resources/application.yml")))));
        Path envExample = root.resolve("deploy/env.example");
        return new Deployment(root, composeText, compose, springConfigs,
                JsonMapper.builder().build().readTree(text(root.resolve("deploy/keycloak/minzheng-realm.json"))),
                text(root.resolve("deploy/mongo/init-replica-set.js")),
                map(yaml().load(text(root.resolve("deploy/prometheus/prometheus.yml")))),
                text(root.resolve("Dockerfile")),
                text(root.resolve("docs/operations.md")),
                Files.exists(envExample) ? Optional.of(text(envExample)) : Optional.empty());
    }

    Map<String, Object> services() {
        return map(compose.get("services"));
    }

    Map<String, Object> service(String name) {
        Object service = services().get(name);
        return service == null ? Map.of() : map(service);
    }

    /** The service's environment as name → value (the map and the list form of compose). */
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (env instanceof List<?> l) {
            for (Object entry : l) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return result;
    }

    /** Container paths of the service's volumes that hold data beyond the container (named volumes, binds). */
    List<String> volumeTargets(String service) {
        List<String> targets = new ArrayList<>();
        for (Object volume : list(service(service).get("volumes"))) {
            if (volume instanceof Map<?, ?> longSyntax) {
                targets.add(String.valueOf(longSyntax.get("target")));
            } else {
                String[] parts = String.valueOf(volume).split(":");
                if (parts.length >= 2) {
                    targets.add(parts[1]);
                }
            }
        }
        return targets;
    }

    /** Named volumes (not bind mounts of repository files) the service mounts, as source → target. */
    Map<String, String> namedVolumes(String service) {
        Map<String, String> named = new LinkedHashMap<>();
        for (Object volume : list(service(service).get("volumes"))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && !parts[0].startsWith(".") && !parts[0].startsWith("/")) {
                named.put(parts[0], parts[1]);
            }
        }
        return named;
    }

    /** Restart policy `on-failure`/`no`: a job that runs once and exits; anything else runs for good. */
    boolean isOneShot(String service) {
        String restart = String.valueOf(service(service).getOrDefault("restart", ""));
        return restart.startsWith("on-failure") || restart.equals("no") || restart.equals("false");
    }

    List<Substitution> substitutions() {
        List<Substitution> found = new ArrayList<>();
        Matcher m = SUBSTITUTION.matcher(composeText);
        while (m.find()) {
            found.add(new Substitution(m.group(1), m.group(2) == null ? "" : m.group(2), m.group(3) == null ? "" : m.group(3)));
        }
        return found;
    }

    static Optional<String> moduleOf(Map<String, Object> service) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args
                && args.get("MODULE") != null) {
            return Optional.of(String.valueOf(args.get("MODULE")));
        }
        return Optional.empty();
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
