package cn.minzheng.platform.codes.credit;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;

/**
 * 组织机构代码 (GB 11714-1997): 8 body characters (digits or upper-case letters) and a check
 * character. Characters 9–17 of every {@link CreditCode}.
 *
 * <p>Check: C9 = 11 − (Σ vᵢ·wᵢ mod 11) with weights 3 7 9 10 5 8 4 2, digits worth their value and
 * letters A=10 … Z=35 (all 26 letters, unlike GB 32100); 10 is written {@code X}, 11 is written
 * {@code 0}.
 */
public final class OrganizationCode {

    static final int LENGTH = 9;
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private OrganizationCode(String value) {
        this.value = value;
    }

    /**
     * Reads and checks a 9-character code (a hyphen before the check character, as printed on old
     * certificates, is not accepted: strip it first).
     *
     * @throws InvalidCodeException with the first problem found
     */
    public static OrganizationCode parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(Reason.MISSING,
                    "No organization code was given. Enter the 9-character 组织机构代码.",
                    "未填写组织机构代码。请填写9位组织机构代码。");
        }
        if (text.length() != LENGTH) {
            throw invalid(Reason.LENGTH,
                    "An organization code has 9 characters; this one has " + text.length() + ". Enter it without the hyphen.",
                    "组织机构代码应为9位，实际为" + text.length() + "位。请去掉连字符后填写。");
        }
        for (int i = 0; i < 8; i++) {
            if (value(text.charAt(i)) < 0) {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the organization code is not a digit or capital letter.",
                        "组织机构代码第" + (i + 1) + "位不是数字或大写字母。");
            }
        }
        char last = text.charAt(8);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw invalid(Reason.CHARACTERS,
                    "The last character of the organization code must be a digit or X.",
                    "组织机构代码最后一位只能是数字或X。");
        }
        if (last != checkCharacter(text)) {
            throw invalid(Reason.CHECK_CHARACTER,
                    "The organization code's check character does not match the other 8. One character is probably mistyped: compare with the certificate.",
                    "组织机构代码校验位与前8位不符，可能有输入错误。请对照证书核对。");
        }
        return new OrganizationCode(text);
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
     * The code for an 8-character body of digits and capital letters.
     *
     * @throws InvalidCodeException if the body is not 8 such characters
     */
    public static OrganizationCode generate(String body) {
        if (body == null || body.length() != 8) {
            throw invalid(Reason.LENGTH,
                    "An organization-code body has 8 characters.",
                    "组织机构代码本体代码应为8位。");
        }
        for (int i = 0; i < 8; i++) {
            if (value(body.charAt(i)) < 0) {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the organization-code body is not a digit or capital letter.",
                        "组织机构代码本体代码第" + (i + 1) + "位不是数字或大写字母。");
            }
        }
        return new OrganizationCode(body + checkCharacter(body));
    }

    /** The check character for the first 8 characters of {@code text}, which must be valid. */
    static char checkCharacter(String text) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += value(text.charAt(i)) * WEIGHTS[i];
        }
        int c9 = 11 - sum % 11;
        return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
    }

    /** Digit value, A=10 … Z=35, or −1. */
    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static InvalidCodeException invalid(Reason reason, String en, String zh) {
        return new InvalidCodeException(Kind.ORGANIZATION_CODE, reason, en, zh);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganizationCode c && c.value.equals(value);
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
