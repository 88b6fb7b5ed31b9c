package cn.minzheng.platform.kit.logging;

import cn.minzheng.platform.codes.masking.Masking;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data inside free text before it reaches a log line (plain Java): 18-digit
 * (and old 15-digit) 身份证 numbers → {@code 110105********002X}, 11-digit mainland mobile numbers
 * (optionally {@code +86}/{@code 0086}) → {@code 138****1234}, using platform-codes {@link Masking}.
 *
 * <p>A number counts only when it stands alone: no ASCII letter or digit right before or after it,
 * so hex trace ids, UUIDs and longer numbers (bank references, epoch millis) are left alone, while
 * a number glued to Chinese text ({@code 手机13812345678已登记}) is still masked. Over-masking an
 * 18-digit number that is not an ID number is accepted on purpose.
 */
public final class PersonalDataMasking {

    private static final Pattern PERSONAL_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:"
                    + "(?<id18>[1-9]\\d{16}[0-9Xx])"
                    + "|(?<id15>[1-9]\\d{14})"
                    + "|(?<mobile>(?:\\+86|0086)?1[3-9]\\d{9})"
                    + ")(?![0-9A-Za-z])");
    private static final int SHORTEST = 11;

    private PersonalDataMasking() {
    }

    /** {@code text} with every stand-alone ID number and mobile number masked; null stays null. */
    public static String mask(String text) {
        if (text == null || !mayContainPersonalNumber(text)) {
            return text;
        }
        Matcher m = PERSONAL_NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, m.start());
            String found = m.group();
            out.append(m.group("mobile") != null ? Masking.phone(found) : Masking.idNumber(found));
            last = m.end();
        } while (m.find());
        return out.append(text, last, text.length()).toString();
    }

    /** Cheap pre-check for the common log line: at least 11 digits in a row somewhere. */
    private static boolean mayContainPersonalNumber(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isAsciiDigit(text.charAt(i))) {
                if (++run >= SHORTEST) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
