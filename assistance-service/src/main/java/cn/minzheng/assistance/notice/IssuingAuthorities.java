package cn.minzheng.assistance.notice;

import java.util.Comparator;
import java.util.List;

/**
 * Who issues a notice and where it can be contested, per 区划 prefix (configuration): the county 民政局
 * that decides, and the people's government at the same level that hears a 行政复议. A region nobody
 * configured still gets a notice, naming its county code, never another county's name.
 */
public final class IssuingAuthorities {

    /** One configured county (or any prefix): the deciding authority and the review body. */
    public record Authority(String regionPrefix, String name, String reviewBody) {
    }

    private final List<Authority> configured;

    public IssuingAuthorities(List<Authority> configured) {
        this.configured = configured == null ? List.of() : configured.stream()
                .filter(a -> a.regionPrefix() != null && !a.regionPrefix().isBlank())
                .sorted(Comparator.comparingInt((Authority a) -> a.regionPrefix().length()).reversed())
                .toList();
    }

    public static IssuingAuthorities none() {
        return new IssuingAuthorities(List.of());
    }

    /** The longest configured prefix of the case's region, else a fallback naming the county code. */
    public Authority forRegion(String regionCode) {
        String code = regionCode == null ? "" : regionCode;
        return configured.stream().filter(a -> code.startsWith(a.regionPrefix())).findFirst()
                .map(a -> new Authority(a.regionPrefix(),
                        blank(a.name()) ? fallbackName(code) : a.name(),
                        blank(a.reviewBody()) ? fallbackReviewBody(code) : a.reviewBody()))
                .orElseGet(() -> new Authority(county(code), fallbackName(code), fallbackReviewBody(code)));
    }

    private static String county(String code) {
        return code.length() >= 6 ? code.substring(0, 6) : code;
    }

    private static String fallbackName(String code) {
        return "行政区划 " + county(code) + " 的县级人民政府民政部门";
    }

    private static String fallbackReviewBody(String code) {
        return "行政区划 " + county(code) + " 的县级人民政府";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
