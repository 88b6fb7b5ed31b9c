package cn.minzheng.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 14 item 7, defence in depth: every service refuses the roles the gateway refuses on its routes.
 * The gateway's list is its route metadata {@code roles:}; a service's is its
 * {@code minzheng.security.route-roles} (the service kit enforces it). This test reads both files from the
 * working tree and fails when they drift apart — change one, change the other.
 */
class RouteRolesDriftTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @ParameterizedTest(name = "gateway route {0} and {1}")
    @CsvSource({"assistance, assistance-service", "orgs, org-service", "audit, audit-service"})
    void theServiceAdmitsExactlyTheRolesTheGatewayAdmits(String routeId, String module) throws IOException {
        Map<String, Object> route = gatewayRoute(routeId);
        String path = pathOf(route);
        Set<String> gateway = names(((Map<?, ?>) route.get("metadata")).get("roles"));
        assertThat(gateway).as("gateway route %s declares its roles", routeId).isNotEmpty();

        Set<String> service = serviceRouteRoles(module, path)
                .or(() -> declaredInAccessRules(module, path))
                .orElseThrow(() -> new AssertionError(module + " declares no roles for " + path
                        + ": add minzheng.security.route-roles (path " + path + ", roles " + gateway
                        + ") to its application.yml"));
        assertThat(service).as("%s's roles for %s (gateway route %s admits %s)", module, path, routeId, gateway)
                .isEqualTo(gateway);
    }

    @Test
    void everyGatewayRouteWithRolesIsCheckedAbove() throws IOException {
        Set<String> withRoles = gatewayRoutes().stream()
                .filter(r -> r.get("metadata") instanceof Map<?, ?> m && m.get("roles") != null)
                .map(r -> String.valueOf(r.get("id"))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(withRoles).containsExactly("assistance", "audit", "orgs");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> gatewayRoutes() throws IOException {
        Map<String, Object> yaml = load(ROOT.resolve("gateway/src/main/resources/application.yml"));
        Object routes = dig(yaml, "spring", "cloud", "gateway", "server", "webflux", "routes")
                .orElseThrow(() -> new AssertionError("no gateway routes"));
        return (List<Map<String, Object>>) routes;
    }

    static Map<String, Object> gatewayRoute(String id) throws IOException {
        return gatewayRoutes().stream().filter(r -> id.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway route " + id));
    }

    static String pathOf(Map<String, Object> route) {
        return ((List<?>) route.get("predicates")).stream().map(String::valueOf).filter(p -> p.startsWith("Path="))
                .map(p -> p.substring("Path=".length())).findFirst()
                .orElseThrow(() -> new AssertionError("route " + route.get("id") + " has no Path predicate"));
    }

    /** {@code minzheng.security.route-roles[]} of the service's application.yml, for this path. */
    @SuppressWarnings("unchecked")
    static Optional<Set<String>> serviceRouteRoles(String module, String path) throws IOException {
        Map<String, Object> yaml = load(ROOT.resolve(module + "/src/main/resources/application.yml"));
        return dig(yaml, "minzheng", "security", "route-roles")
                .map(list -> (List<Map<String, Object>>) list)
                .flatMap(list -> list.stream().filter(r -> path.equals(r.get("path"))).findFirst())
                .map(r -> names(r.get("roles")));
    }

    /**
     * A service not yet on {@code route-roles} (audit-service): its path rule in {@code AccessRules.java},
     * {@code pathMatchers("<path>").hasAnyRole("A", "B")}, as the one rule for the whole family.
     */
    static Optional<Set<String>> declaredInAccessRules(String module, String path) {
        try (var files = Files.walk(ROOT.resolve(module + "/src/main/java"))) {
            Pattern rule = Pattern.compile("pathMatchers\\(\"" + Pattern.quote(path) + "\"\\)\\s*\\.hasAnyRole\\(([^)]*)\\)");
            for (Path file : files.filter(f -> f.getFileName().toString().equals("AccessRules.java")).toList()) {
                Matcher m = rule.matcher(Files.readString(file));
                if (m.find()) {
                    return Optional.of(names(m.group(1).replace("\"", "")));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Set<String> names(Object declared) {
        Collection<?> raw = declared instanceof Collection<?> c ? c : Arrays.asList(String.valueOf(declared).split(","));
        return raw.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, Object> load(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    static Optional<Object> dig(Map<String, Object> yaml, String... keys) {
        Object node = yaml;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            node = ((Map<String, Object>) map).get(key);
        }
        return Optional.ofNullable(node);
    }
}
