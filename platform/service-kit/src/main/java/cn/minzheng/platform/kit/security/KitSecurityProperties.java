package cn.minzheng.platform.kit.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.security.*}: where to fetch the issuer's keys, which issuer to trust, which
 * paths need no token (Ant-style path patterns, e.g. {@code /api/v1/orgs/public/**}), the audience
 * a token must name in {@code aud}, and the roles the gateway admits on this service's routes.
 *
 * @param audience   the platform's audience: a token whose {@code aud} does not contain it is refused
 *                   (401), as at the gateway; {@value #DEFAULT_AUDIENCE} when not set (Keycloak's
 *                   audience mapper in deploy/keycloak adds it, the local issuer mints it)
 * @param routeRoles the gateway's role list per route family (its route metadata {@code roles:}),
 *                   enforced again here so a direct call is refused as the gateway would refuse it;
 *                   gateway's RouteRolesDriftTest fails when the two lists differ
 */
@ConfigurationProperties("minzheng.security")
public record KitSecurityProperties(String jwkSetUri, String issuer, List<String> publicPaths, String audience,
                                    List<RouteRoles> routeRoles) {

    public static final String DEFAULT_AUDIENCE = "minzheng-platform";

    public KitSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.trim();
        routeRoles = routeRoles == null ? List.of() : List.copyOf(routeRoles);
    }

    /**
     * One route family and the roles admitted on it, e.g. {@code /api/v1/assistance/**} →
     * {@code CITIZEN,CLERK,APPROVER,ADMIN,AUDITOR}.
     */
    public record RouteRoles(String path, List<String> roles) {

        public RouteRoles {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("minzheng.security.route-roles[].path is required");
            }
            roles = roles == null ? List.of() : roles.stream().map(String::trim).filter(r -> !r.isEmpty()).toList();
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("minzheng.security.route-roles for " + path
                        + " names no role: such a route would admit nobody; list its roles");
            }
            for (String role : roles) {
                if (Role.fromClaim(role).isEmpty() || !Role.fromClaim(role).get().name().equals(role)) {
                    throw new IllegalArgumentException("minzheng.security.route-roles for " + path
                            + " names an unknown role " + role + " (known: " + java.util.Arrays.toString(Role.values()) + ")");
                }
            }
        }
    }
}
