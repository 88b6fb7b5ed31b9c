package cn.minzheng.org.creditcode;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.credit.CreditCode;

import java.util.List;
import java.util.Optional;

/**
 * A 统一社会信用代码 typed by a person (a citizen checking an organization), read so that a typo is
 * told apart from a code nobody holds: surrounding blanks dropped, lower case accepted and
 * upper-cased, and a code that cannot exist refused with what is wrong — the length, the character
 * outside the GB 32100 alphabet and where it is, or the check character and which one the other 17
 * give. The check itself is platform/codes' ({@link CreditCode#parse}); the expected check
 * character is the one of the 31 that {@code parse} accepts in the last place.
 */
public final class CreditCodeInput {
    /** Problem code of a lookup with a code that cannot exist. */
    public static final String CODE = "INVALID_CREDIT_CODE";

    private CreditCodeInput() {
    }

    /**
     * The code in its normal form (18 upper-case characters).
     *
     * @param pointer where the code was given, e.g. {@code /creditCode}
     * @throws InvalidFields (400) naming the field and what is wrong
     */
    public static String read(String text, String pointer) {
        String typed = text == null ? "" : text.strip();
        try {
            return CreditCode.parse(typed).value();
        } catch (InvalidCodeException e) {
            throw new InvalidFields(CODE, List.of(new FieldProblem(pointer, "CREDIT_CODE_" + e.reason().name(), message(typed, e))));
        }
    }

    static String message(String typed, InvalidCodeException e) {
        String upper = upperAscii(typed);
        return switch (e.reason()) {
            case CHARACTERS -> badCharacter(upper).map(i -> "统一社会信用代码第" + (i + 1) + "位「" + typed.charAt(i)
                    + "」不是允许的字符：代码只含数字和不含I、O、S、V、Z的大写字母。请检查0与O、1与I、5与S、U与V是否混淆，对照证书后重新查询。")
                    .orElse(e.messageZh());
            case CHECK_CHARACTER -> "统一社会信用代码校验位（第18位）为「" + upper.charAt(17) + "」，按前17位应为「"
                    + expectedCheckCharacter(upper) + "」：前17位或校验位有输入错误。请逐位对照证书核对后重新查询。";
            default -> e.messageZh();
        };
    }

    /** Index of the first character outside the GB 32100 alphabet. */
    static Optional<Integer> badCharacter(String upper) {
        for (int i = 0; i < upper.length(); i++) {
            if (CreditCode.ALPHABET.indexOf(upper.charAt(i)) < 0) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The check character the first 17 characters give (they passed every earlier check). */
    static char expectedCheckCharacter(String upper) {
        String first17 = upper.substring(0, 17);
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            try {
                CreditCode.parse(first17 + c);
                return c;
            } catch (InvalidCodeException e) {
                if (e.reason() != InvalidCodeException.Reason.CHECK_CHARACTER) {
                    return c;
                }
            }
        }
        throw new IllegalStateException("no check character fits");
    }

    private static String upperAscii(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return b.toString();
    }
}
