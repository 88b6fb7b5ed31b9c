package cn.minzheng.audit.search;

import java.util.Optional;

/**
 * Which records an auditor may read: those whose region code starts with the auditor's region
 * (行政区划 prefix); an administrator reads all. Plain Java, so it is tested as a table.
 *
 * @see CallerScope where a request's token becomes a scope, and the other gates it names
 *      (the gateway's route {@code audit}, {@code minzheng.security.route-roles})
 * @see cn.minzheng.audit.timeline.TimelineQuery
 */
public record RegionScope(String prefix) {

    public RegionScope {
        prefix = prefix == null ? "" : prefix;
        if (!prefix.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a region prefix is digits");
        }
    }

    public static final RegionScope ALL = new RegionScope("");

    /** The scope of a caller, or empty when the caller may read no audit record. */
    public static Optional<RegionScope> of(boolean admin, boolean auditor, String region) {
        if (admin) {
            return Optional.of(ALL);
        }
        if (auditor && region != null && !region.isBlank() && region.chars().allMatch(Character::isDigit)) {
            return Optional.of(new RegionScope(region));
        }
        return Optional.empty();
    }

    public boolean covers(String regionCode) {
        return regionCode != null && regionCode.startsWith(prefix);
    }

    /**
     * The prefix to query when the caller asks for {@code requested} (may be null): the narrower of
     * the two, or empty when they do not overlap (the caller asked outside the scope).
     */
    public Optional<String> narrow(String requested) {
        if (requested == null || requested.isEmpty() || requested.startsWith(prefix)) {
            return Optional.of(requested == null || requested.isEmpty() ? prefix : requested);
        }
        if (prefix.startsWith(requested)) {
            return Optional.of(prefix);
        }
        return Optional.empty();
    }
}
