package cn.minzheng.topology.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} as compose reads it: YAML with anchors and merge keys, then every string
 * value interpolated from the variables (the {@code .env} file). What the run starts comes from here.
 */
public final class ComposeProject {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*):?\\?");

    private final Path directory;
    private final Map<String, ComposeService> services;
    private final Map<String, String> secretFiles;
    private final Set<String> volumes;

    private ComposeProject(Path directory, Map<String, ComposeService> services, Map<String, String> secretFiles, Set<String> volumes) {
        this.directory = directory;
        this.services = services;
        this.secretFiles = secretFiles;
        this.volumes = volumes;
    }

    /** Reads and interpolates the file; an unset required variable throws {@link Interpolation.MissingVariable}. */
    public static ComposeProject load(Path file, Map<String, String> variables) {
        String text = read(file);
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Map<String, Object> root = map(new Interpolator(new Interpolation(variables)).walk("", parsed), "the file");
        Map<String, ComposeService> services = new LinkedHashMap<>();
        map(root.get("services"), "services").forEach((name, definition) ->
                services.put(name, new ComposeService(name, map(definition, "services." + name))));
        Map<String, String> secretFiles = new LinkedHashMap<>();
        if (root.get("secrets") != null) {
            map(root.get("secrets"), "secrets").forEach((name, definition) ->
                    secretFiles.put(name, String.valueOf(map(definition, "secrets." + name).get("file"))));
        }
        Set<String> volumes = root.get("volumes") == null ? Set.of() : map(root.get("volumes"), "volumes").keySet();
        Path directory = file.toAbsolutePath().getParent();
        return new ComposeProject(directory, services, secretFiles, new LinkedHashSet<>(volumes));
    }

    /** Every variable the file marks as required ({@code ${VAR:?…}} or {@code ${VAR?…}}), in order of first use. */
    public static Set<String> requiredVariables(Path file) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = REQUIRED.matcher(read(file));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    public Map<String, ComposeService> services() {
        return services;
    }

    public ComposeService service(String name) {
        ComposeService service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The host file a top-level secret names, resolved against the compose file's folder. */
    public Path secretFile(String secret) {
        String file = secretFiles.get(secret);
        if (file == null) {
            throw new IllegalArgumentException("docker-compose.yml has no top-level secret " + secret);
        }
        return directory.resolve(file).normalize();
    }

    public boolean declaresVolume(String name) {
        return volumes.contains(name);
    }

    public Path directory() {
        return directory;
    }

    /** Services in an order where each comes after everything it depends on. */
    public List<ComposeService> inStartOrder() {
        List<ComposeService> ordered = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String name : services.keySet()) {
            visit(name, ordered, visiting);
        }
        return ordered;
    }

    private void visit(String name, List<ComposeService> ordered, Set<String> visiting) {
        ComposeService service = service(name);
        if (ordered.contains(service)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("depends_on cycle through " + name);
        }
        service.dependsOn().keySet().forEach(dependency -> visit(dependency, ordered, visiting));
        ordered.add(service);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(where + " is not a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Interpolates every string value (not keys), naming the place in the error as compose does. */
    private record Interpolator(Interpolation interpolation) {
        Object walk(String path, Object value) {
            if (value instanceof String s) {
                try {
                    return interpolation.apply(s);
                } catch (Interpolation.MissingVariable e) {
                    throw new Interpolation.MissingVariable(e.variable(), path, e);
                }
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), walk(path.isEmpty() ? String.valueOf(k) : path + "." + k, v)));
                return out;
            }
            if (value instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    out.add(walk(path + "[" + i + "]", l.get(i)));
                }
                return out;
            }
            return value;
        }
    }
}
