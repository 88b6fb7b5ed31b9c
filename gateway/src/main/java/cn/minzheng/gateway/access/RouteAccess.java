package cn.minzheng.gateway.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a route admits, read from its YAML {@code metadata}: {@code public: true} (no token needed) or
 * {@code roles: A,B,C} (a valid token carrying one of these roles). A route that declares neither
 * admits nobody: forgetting the roles must not open a route.
 */
public record RouteAccess(boolean open, Set<String> roles) {

    public static final String PUBLIC_KEY = "public";
    public static final String ROLES_KEY = "roles";

    public RouteAccess {
        roles = Set.copyOf(roles);
    }

    public static RouteAccess fromMetadata(Map<String, Object> metadata) {
        boolean open = Boolean.parseBoolean(String.valueOf(metadata.getOrDefault(PUBLIC_KEY, "false")).trim());
        return new RouteAccess(open, roleNames(metadata.get(ROLES_KEY)));
    }

    private static Set<String> roleNames(Object declared) {
        if (declared == null) {
            return Set.of();
        }
        java.util.stream.Stream<Object> names;
        if (declared instanceof Collection<?> list) {
            names = list.stream().map(Object.class::cast);
        } else if (declared instanceof Map<?, ?> indexed) {
            // YAML lists bound into a Map<String, Object> arrive as {"0": "A", "1": "B"}
            names = indexed.values().stream().map(Object.class::cast);
        } else {
            names = Arrays.stream(declared.toString().split(",")).map(Object.class::cast);
        }
        return names.map(Object::toString).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The decision for a caller.
     *
     * @param authenticated whether the request carried a valid token
     * @param callerRoles the roles in that token (ignored when not authenticated)
     */
    public Decision decide(boolean authenticated, Collection<String> callerRoles) {
        if (open) {
            return Decision.ALLOW;
        }
        if (!authenticated) {
            return Decision.UNAUTHENTICATED;
        }
        for (String role : callerRoles) {
            if (roles.contains(role)) {
                return Decision.ALLOW;
            }
        }
        return Decision.FORBIDDEN;
    }

    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }
}
