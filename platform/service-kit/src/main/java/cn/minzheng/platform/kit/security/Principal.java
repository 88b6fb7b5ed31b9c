package cn.minzheng.platform.kit.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, from the validated token: {@code sub}, {@code name}, {@code roles},
 * {@code region} (行政区划 code prefix the person may act on; null when the token has none).
 */
public record Principal(String subject, String displayName, Set<Role> roles, String region) {

    public Principal {
        Objects.requireNonNull(subject, "subject");
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        region = region == null || region.isBlank() ? null : region.trim();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** True when at least one role acts by region rather than by ownership. */
    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }
}
