package cn.minzheng.platform.codes.region;

import cn.minzheng.platform.codes.InvalidCodeException.Reason;

/**
 * 管辖范围: the area a staff member may act on, as a prefix of 12-digit region codes.
 *
 * <p>Accepts what people and tokens write: a full code with trailing-zero meaning
 * ({@code "420000"} = all of 湖北, {@code "421303"} = 曾都区) or a bare even prefix
 * ({@code "42"}, {@code "4213"}). An empty or missing scope is rejected rather than read as
 * "everywhere": national scope must be granted explicitly with {@link #NATIONWIDE}.
 */
public final class RegionScope {

    /** The whole country; never produced by {@link #parse(String)}. */
    public static final RegionScope NATIONWIDE = new RegionScope("");

    private final String prefix;

    private RegionScope(String prefix) {
        this.prefix = prefix;
    }

    /** The scope of exactly this area. */
    public static RegionScope of(RegionCode region) {
        return new RegionScope(region.prefix());
    }

    /**
     * Reads a scope: a 6/9/12-digit region code, or a 2- or 4-digit prefix.
     *
     * @throws cn.minzheng.platform.codes.InvalidCodeException if it is neither
     */
    public static RegionScope parse(String scope) {
        if (scope != null && (scope.length() == 2 || scope.length() == 4)) {
            return of(RegionCode.parse(scope + "000000".substring(scope.length())));
        }
        if (scope != null && !scope.isEmpty() && scope.length() != 6 && scope.length() != 9
                && scope.length() != 12) {
            throw RegionCode.invalid(Reason.LENGTH,
                    "A region scope is a 2- or 4-digit prefix or a 6-, 9- or 12-digit region code; this one has "
                            + scope.length() + " characters.",
                    "管辖范围应为2位或4位前缀，或6位、9位、12位行政区划代码，实际为" + scope.length() + "位。");
        }
        return of(RegionCode.parse(scope));
    }

    /** The leading digits of every 12-digit code in scope; empty for {@link #NATIONWIDE}. */
    public String prefix() {
        return prefix;
    }

    public boolean includes(RegionCode region) {
        return region.twelveDigits().startsWith(prefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionScope s && s.prefix.equals(prefix);
    }

    @Override
    public int hashCode() {
        return prefix.hashCode();
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? "*" : prefix;
    }
}
