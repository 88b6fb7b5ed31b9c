package cn.minzheng.assistance.standards;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Effective-dated standards. A case is computed with the standard in force for its month: the most
 * specific region prefix that has a standard of that kind, and within it the latest one that took
 * effect on or before the month.
 */
public final class StandardCatalogue {
    private final List<AssistanceStandard> standards;

    public StandardCatalogue(Collection<AssistanceStandard> standards) {
        this.standards = List.copyOf(standards);
    }

    public Optional<AssistanceStandard> inForce(String regionCode, StandardKind kind, YearMonth month) {
        return standards.stream()
                .filter(s -> s.kind() == kind)
                .filter(s -> regionCode.startsWith(s.regionPrefix()))
                .filter(s -> !s.effectiveFrom().isAfter(month))
                .max(Comparator.<AssistanceStandard>comparingInt(s -> s.regionPrefix().length())
                        .thenComparing(AssistanceStandard::effectiveFrom));
    }

    /** A catalogue with one more standard; the same region, kind and month twice is a conflict. */
    public StandardCatalogue with(AssistanceStandard added) {
        boolean duplicate = standards.stream().anyMatch(s -> s.kind() == added.kind()
                && s.regionPrefix().equals(added.regionPrefix())
                && s.effectiveFrom().equals(added.effectiveFrom()));
        if (duplicate) {
            throw new DuplicateStandardException(added);
        }
        List<AssistanceStandard> next = new ArrayList<>(standards);
        next.add(added);
        return new StandardCatalogue(next);
    }

    /** The standard with the API id {@link AssistanceStandard#id()}, if any. */
    public Optional<AssistanceStandard> byId(String id) {
        return standards.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The standards of the same region prefix and kind that take effect after {@code s}. */
    public List<AssistanceStandard> laterThan(AssistanceStandard s) {
        return standards.stream().filter(s::supersededBy).toList();
    }

    public List<AssistanceStandard> all() {
        return standards;
    }

    public static final class DuplicateStandardException extends RuntimeException {
        private final AssistanceStandard standard;

        public DuplicateStandardException(AssistanceStandard s) {
            super("a standard " + s.kind() + " for " + s.regionPrefix() + " from " + s.effectiveFrom() + " exists");
            this.standard = s;
        }

        public AssistanceStandard standard() {
            return standard;
        }
    }
}
