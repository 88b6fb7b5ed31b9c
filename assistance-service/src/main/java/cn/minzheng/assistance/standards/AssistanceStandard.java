package cn.minzheng.assistance.standards;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One published monthly standard (元/人·月, held in fen) for a region prefix, in force from a month
 * until a later standard for the same region and kind replaces it. History is never overwritten.
 *
 * @param regionPrefix 行政区划 code prefix the standard applies to (e.g. 421303 = 随州市曾都区)
 * @param source       the document that published the figure
 */
public record AssistanceStandard(String regionPrefix, StandardKind kind, YearMonth effectiveFrom,
                                 long monthlyFen, String source) {
    public AssistanceStandard {
        Objects.requireNonNull(regionPrefix, "regionPrefix");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (!regionPrefix.matches("\\d{2,12}")) {
            throw new IllegalArgumentException("region prefix must be 2 to 12 digits: " + regionPrefix);
        }
        if (monthlyFen <= 0) {
            throw new IllegalArgumentException("a standard must be positive");
        }
    }

    /** The standard's id in the API: {@code <region prefix>-<kind>-<yyyy-MM>}, e.g. {@code 421303-DIBAO_URBAN-2027-01}. */
    public String id() {
        return regionPrefix + "-" + kind.name() + "-" + effectiveFrom;
    }

    /** Whether {@code later} replaces this standard from a later month (same region prefix and kind). */
    public boolean supersededBy(AssistanceStandard later) {
        return later.kind == kind && later.regionPrefix.equals(regionPrefix) && later.effectiveFrom.isAfter(effectiveFrom);
    }
}
