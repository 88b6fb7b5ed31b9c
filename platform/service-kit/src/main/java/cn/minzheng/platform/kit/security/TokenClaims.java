package cn.minzheng.platform.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link Principal} from token claims ({@code sub, name, roles, region}); plain Java. */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static Principal toPrincipal(Map<String, Object> claims) {
        Object sub = claims.get("sub");
        if (sub == null) {
            throw new IllegalArgumentException("token without sub");
        }
        var roles = EnumSet.noneOf(Role.class);
        Object raw = claims.get("roles");
        if (raw instanceof Collection<?> names) {
            names.forEach(n -> Role.fromClaim(String.valueOf(n)).ifPresent(roles::add));
        } else if (raw instanceof String single) {
            for (String n : single.split("[,\\s]+")) {
                Role.fromClaim(n).ifPresent(roles::add);
            }
        }
        String name = Optional.ofNullable(claims.get("name")).map(Object::toString).orElse(sub.toString());
        Object region = claims.get("region");
        return new Principal(sub.toString(), name, roles, region == null ? null : region.toString());
    }
}
