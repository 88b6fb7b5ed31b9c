package cn.minzheng.platform.codes.region;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import java.util.Optional;
import java.util.Set;

/**
 * 行政区划代码: a GB/T 2260 code (6 digits) or its 民政 extension to 9 digits (+ 乡镇/街道) and
 * 12 digits (+ 村/社区).
 *
 * <p>Trailing zero groups mean "the whole of": {@code 420000} is the province 湖北省,
 * {@code 421300} the prefecture 随州市, {@code 421303} the county 曾都区,
 * {@code 421303001} a 街道 and {@code 421303001001} a 社区. The level is that of the deepest
 * non-zero group. A zero group above a non-zero one is allowed because the standard itself has
 * them: towns directly under a prefecture-level city without counties (东莞 {@code 441900003}).
 *
 * <p>Two codes naming the same area with different lengths ({@code 420000} and
 * {@code 420000000000}) are equal.
 */
public final class RegionCode implements Comparable<RegionCode> {

    /**
     * Province codes of GB/T 2260 (11 北京 … 82 澳门), plus 83, which is not in GB/T 2260 but is
     * the address code of 台湾居民居住证 numbers (港澳台居民居住证申领发放办法, 国办发〔2018〕81号),
     * so that those ID numbers can be read too.
     */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private static final String ZEROS = "000000000000";

    /** Always the 12-digit form. */
    private final String twelveDigits;
    private final RegionLevel level;

    private RegionCode(String twelveDigits, RegionLevel level) {
        this.twelveDigits = twelveDigits;
        this.level = level;
    }

    /**
     * Reads a 6-, 9- or 12-digit code.
     *
     * @throws InvalidCodeException if it is not one
     */
    public static RegionCode parse(String code) {
        if (code == null || code.isEmpty()) {
            throw invalid(Reason.MISSING,
                    "No region code was given. Enter the 6-, 9- or 12-digit 行政区划 code.",
                    "未填写行政区划代码。请填写6位、9位或12位行政区划代码。");
        }
        int length = code.length();
        if (length != 6 && length != 9 && length != 12) {
            throw invalid(Reason.LENGTH,
                    "A region code has 6, 9 or 12 digits; this one has " + length
                            + ". Check the code against the 行政区划 list.",
                    "行政区划代码应为6位、9位或12位数字，实际为" + length + "位。请对照行政区划代码表核对。");
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the region code is not a digit. A region code has digits only.",
                        "行政区划代码第" + (i + 1) + "位不是数字。行政区划代码只能由数字组成。");
            }
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            throw invalid(Reason.REGION,
                    "The region code does not start with a province code of GB/T 2260 (11 to 82). Check the first two digits.",
                    "行政区划代码前两位不是GB/T 2260中的省级代码（11至82）。请核对前两位。");
        }
        String twelve = code + ZEROS.substring(length);
        return new RegionCode(twelve, deepestNonZeroLevel(twelve));
    }

    /** {@link #parse(String)} without the exception. */
    public static Optional<RegionCode> tryParse(String code) {
        try {
            return Optional.of(parse(code));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String code) {
        return tryParse(code).isPresent();
    }

    private static RegionLevel deepestNonZeroLevel(String twelve) {
        RegionLevel[] levels = RegionLevel.values();
        for (int i = levels.length - 1; i > 0; i--) {
            RegionLevel l = levels[i];
            for (int p = l.start(); p < l.significantDigits(); p++) {
                if (twelve.charAt(p) != '0') {
                    return l;
                }
            }
        }
        return RegionLevel.PROVINCE;
    }

    public RegionLevel level() {
        return level;
    }

    /** The shortest standard form: 6 digits down to county level, 9 for 乡镇, 12 for 村/社区. */
    public String code() {
        return switch (level) {
            case PROVINCE, PREFECTURE, COUNTY -> twelveDigits.substring(0, 6);
            case TOWNSHIP -> twelveDigits.substring(0, 9);
            case VILLAGE -> twelveDigits;
        };
    }

    /** The 12-digit form, zero-padded. */
    public String twelveDigits() {
        return twelveDigits;
    }

    /**
     * The leading digits every code inside this area starts with (in 12-digit form):
     * {@code "42"} for 420000, {@code "421303"} for 421303, {@code "421303001"} for 421303001.
     */
    public String prefix() {
        return twelveDigits.substring(0, level.significantDigits());
    }

    /** The 2-digit province part, e.g. {@code "42"}. */
    public String provincePart() {
        return twelveDigits.substring(0, 2);
    }

    /** The province this code lies in (itself if it is a province). */
    public RegionCode province() {
        return new RegionCode(provincePart() + ZEROS.substring(2), RegionLevel.PROVINCE);
    }

    /**
     * The next wider area whose code is not zero at its own level: 421303 → 421300 → 420000;
     * 441900003 → 441900. Empty for a province.
     */
    public Optional<RegionCode> parent() {
        if (level == RegionLevel.PROVINCE) {
            return Optional.empty();
        }
        String cut = twelveDigits.substring(0, level.start()) + ZEROS.substring(level.start());
        return Optional.of(new RegionCode(cut, deepestNonZeroLevel(cut)));
    }

    /** Whether {@code other} lies inside this area; an area contains itself. */
    public boolean contains(RegionCode other) {
        return other.twelveDigits.startsWith(prefix());
    }

    /** Whether this code lies inside {@code scope}; an area is within itself. */
    public boolean isWithin(RegionCode scope) {
        return scope.contains(this);
    }

    /**
     * Whether this code lies inside a scope given as text: a region code ({@code "420000"},
     * {@code "421303001"}) or a bare prefix ({@code "42"}, {@code "4213"}), as carried in the
     * {@code region} token claim. See {@link RegionScope#parse(String)}.
     *
     * @throws InvalidCodeException if the scope is neither
     */
    public boolean isWithin(String scope) {
        return RegionScope.parse(scope).includes(this);
    }

    @Override
    public int compareTo(RegionCode o) {
        return twelveDigits.compareTo(o.twelveDigits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionCode r && r.twelveDigits.equals(twelveDigits);
    }

    @Override
    public int hashCode() {
        return twelveDigits.hashCode();
    }

    /** The shortest standard form, {@link #code()}. */
    @Override
    public String toString() {
        return code();
    }

    static InvalidCodeException invalid(Reason reason, String en, String zh) {
        return new InvalidCodeException(Kind.REGION_CODE, reason, en, zh);
    }
}
