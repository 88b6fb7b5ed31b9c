package cn.minzheng.platform.codes.credit;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import cn.minzheng.platform.codes.region.RegionCode;
import java.util.Objects;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1) + organization type (1) + region
 * code (6) + {@link OrganizationCode} (9) + check character (1).
 *
 * <p>All 18 characters come from {@value #ALPHABET} (values 0–30; no I, O, Z, S, V). The check is
 * 31 − (Σ vᵢ·wᵢ mod 31) over positions 1–17 with weights
 * 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, where 31 becomes 0, mapped back through the
 * alphabet. The embedded organization code must pass its own GB 11714 check as well.
 *
 * <p>The region part is a 6-digit GB/T 2260 code, or {@code 100000} for organizations registered
 * by a central authority (e.g. {@code 53100000MJ0065049E}, a foundation registered by 民政部).
 */
public final class CreditCode {

    /** The GB 32100 alphabet; a character's index is its value. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 登记管理部门代码 of 民政 (civil affairs). */
    public static final char CIVIL_AFFAIRS_AUTHORITY = '5';

    /** Region part of codes issued by central (national-level) registration authorities. */
    public static final String CENTRAL_REGION = "100000";

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Reads and checks a code. Lower-case letters are accepted and upper-cased.
     *
     * @throws InvalidCodeException with the first problem found
     */
    public static CreditCode parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(Reason.MISSING,
                    "No unified social credit code was given. Enter the 18-character code from the registration certificate.",
                    "未填写统一社会信用代码。请填写登记证书上的18位代码。");
        }
        if (text.length() != LENGTH) {
            throw invalid(Reason.LENGTH,
                    "A unified social credit code has 18 characters; this one has " + text.length()
                            + ". Check the certificate and enter all 18.",
                    "统一社会信用代码应为18位，实际为" + text.length() + "位。请核对证书后完整填写18位代码。");
        }
        String upper = upperAscii(text);
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(upper.charAt(i)) < 0) {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the credit code is not allowed: only digits and the capital letters "
                                + "A–Y without I, O, S, V (and no Z) occur. Check for 0/O, 1/I, 5/S, U/V mix-ups.",
                        "统一社会信用代码第" + (i + 1) + "位不是允许的字符：代码只含数字和不含I、O、S、V、Z的大写字母。"
                                + "请检查0与O、1与I、5与S、U与V是否混淆。");
            }
        }
        checkRegionPart(upper.substring(2, 8));
        if (upper.charAt(17) != checkCharacter(upper)) {
            throw invalid(Reason.CHECK_CHARACTER,
                    "The check character (the last one) does not match the other 17. One character is probably mistyped: compare each with the certificate.",
                    "统一社会信用代码校验位（最后一位）与前17位不符，可能有输入错误。请逐位对照证书核对。");
        }
        if (!OrganizationCode.isValid(upper.substring(8, 17))) {
            throw invalid(Reason.ORGANIZATION_CODE_CHECK,
                    "Characters 9 to 17 (the organization code) fail their own check. Compare them with the certificate.",
                    "统一社会信用代码第9至17位（组织机构代码）校验不通过。请对照证书核对。");
        }
        return new CreditCode(upper);
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /**
     * Builds a code, for registration and seed data.
     *
     * @param authority        登记管理部门代码, e.g. {@link #CIVIL_AFFAIRS_AUTHORITY}
     * @param type             机构类别, e.g. {@link CivilAffairsOrganizationType#code()}
     * @param region           6-digit region part: a county-level or wider GB/T 2260 code, or {@link #CENTRAL_REGION}
     * @param organizationBody the 8 characters of the organization code before its check character, all from
     *                         {@link #ALPHABET} (see {@link #organizationBodyOf(long)})
     * @throws InvalidCodeException if a part is not legal
     */
    public static CreditCode generate(char authority, char type, String region, String organizationBody) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(organizationBody, "organizationBody");
        if (ALPHABET.indexOf(authority) < 0 || ALPHABET.indexOf(type) < 0) {
            throw invalid(Reason.COMPONENT,
                    "The registration authority and the organization type must be characters of the credit-code alphabet.",
                    "登记管理部门代码和机构类别代码必须是统一社会信用代码字符集中的字符。");
        }
        if (region.length() != 6) {
            throw invalid(Reason.REGION,
                    "The region part of a credit code has 6 digits.",
                    "统一社会信用代码的登记管理机关行政区划码为6位数字。");
        }
        checkRegionPart(region);
        if (organizationBody.length() != 8) {
            throw invalid(Reason.LENGTH,
                    "An organization-code body has 8 characters.",
                    "组织机构代码本体代码应为8位。");
        }
        for (int i = 0; i < 8; i++) {
            if (ALPHABET.indexOf(organizationBody.charAt(i)) < 0) {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the organization-code body is not in the credit-code alphabet.",
                        "组织机构代码本体代码第" + (i + 1) + "位不在统一社会信用代码字符集中。");
            }
        }
        String first17 = "" + authority + type + region + OrganizationCode.generate(organizationBody).value();
        return new CreditCode(first17 + checkCharacter(first17));
    }

    /** {@link #generate(char, char, String, String)} for a 民政 registration. */
    public static CreditCode generateCivilAffairs(CivilAffairsOrganizationType type, RegionCode region, String organizationBody) {
        return generate(CIVIL_AFFAIRS_AUTHORITY, type.code(), region.code(), organizationBody);
    }

    /**
     * Renders a serial number as an 8-character organization-code body, in base 31 over
     * {@link #ALPHABET}, zero-padded: 0 → {@code 00000000}, 31 → {@code 00000010}. Every result
     * is legal in both GB 11714 and GB 32100.
     *
     * @param serial 0 ≤ serial &lt; 31⁸
     */
    public static String organizationBodyOf(long serial) {
        long max = 852_891_037_441L; // 31^8
        if (serial < 0 || serial >= max) {
            throw new IllegalArgumentException("serial must be in [0, 31^8): " + serial);
        }
        char[] out = new char[8];
        long rest = serial;
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (rest % 31));
            rest /= 31;
        }
        return new String(out);
    }

    private static void checkRegionPart(String region) {
        boolean digits = region.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean countyOrWider = digits && RegionCode.tryParse(region).isPresent();
        if (!CENTRAL_REGION.equals(region) && !countyOrWider) {
            throw invalid(Reason.REGION,
                    "Characters 3 to 8 of the credit code are not a region code (six digits starting with a province code, or 100000). Compare them with the certificate.",
                    "统一社会信用代码第3至8位不是有效的行政区划码（应为以省级代码开头的6位数字，或100000）。请对照证书核对。");
        }
    }

    static char checkCharacter(String text) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(text.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    private static String upperAscii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return b.toString();
    }

    private static InvalidCodeException invalid(Reason reason, String en, String zh) {
        return new InvalidCodeException(Kind.CREDIT_CODE, reason, en, zh);
    }

    /** The 18 characters, upper-case. */
    public String value() {
        return value;
    }

    /** 登记管理部门代码, position 1. */
    public char authority() {
        return value.charAt(0);
    }

    /** 机构类别代码, position 2; its meaning depends on {@link #authority()}. */
    public char type() {
        return value.charAt(1);
    }

    public boolean isCivilAffairs() {
        return authority() == CIVIL_AFFAIRS_AUTHORITY;
    }

    /** The 民政 organization type, if registered by 民政 with a type of table 1. */
    public Optional<CivilAffairsOrganizationType> civilAffairsType() {
        return isCivilAffairs() ? CivilAffairsOrganizationType.ofCode(type()) : Optional.empty();
    }

    /** Positions 3–8 as written, possibly {@link #CENTRAL_REGION}. */
    public String regionPart() {
        return value.substring(2, 8);
    }

    /** The registering authority's region; empty for a central registration ({@code 100000}). */
    public Optional<RegionCode> region() {
        return CENTRAL_REGION.equals(regionPart()) ? Optional.empty() : Optional.of(RegionCode.parse(regionPart()));
    }

    /** Positions 9–17. */
    public OrganizationCode organizationCode() {
        return OrganizationCode.parse(value.substring(8, 17));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode c && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
