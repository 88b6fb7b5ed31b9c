package cn.minzheng.org.organization;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registration authority, named by its GB/T 2260 region code. 民政部 is {@code 100000}, as in
 * the credit codes it issues (e.g. 53100000MJ0065049E); a province code ends in 0000, a city code
 * in 00, anything else is a county-level authority.
 */
public record RegistrationAuthority(String regionCode) {
    public static final String MINISTRY_CODE = "100000";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    public RegistrationAuthority {
        Objects.requireNonNull(regionCode, "regionCode");
        if (!SIX_DIGITS.matcher(regionCode).matches() || regionCode.equals("000000")) {
            throw new IllegalArgumentException("not a six-digit region code: " + regionCode);
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && SIX_DIGITS.matcher(code).matches() && !code.equals("000000");
    }

    public AuthorityLevel level() {
        if (regionCode.equals(MINISTRY_CODE)) {
            return AuthorityLevel.MINISTRY;
        }
        if (regionCode.endsWith("0000")) {
            return AuthorityLevel.PROVINCE;
        }
        if (regionCode.endsWith("00")) {
            return AuthorityLevel.CITY;
        }
        return AuthorityLevel.COUNTY;
    }

    public boolean national() {
        return level() == AuthorityLevel.MINISTRY;
    }
}
