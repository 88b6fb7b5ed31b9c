package cn.minzheng.platform.codes.masking;

/**
 * 脱敏: masked forms of personal data for public lists, notices (公示) and logs.
 *
 * <p>Every method returns {@code null} for {@code null} and the empty string for blank input,
 * works on Unicode code points (names with rare characters outside the BMP keep whole
 * characters), and masks everything when a value is too short to show the usual parts without
 * giving the whole value away.
 */
public final class Masking {

    private static final char STAR = '*';

    private Masking() {
    }

    /**
     * A person's name: first and last character kept for three or more characters, only the first
     * for two: 张三 → 张*, 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜. A single character becomes {@code *}.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        int[] cp = name.strip().codePoints().toArray();
        return switch (cp.length) {
            case 0 -> "";
            case 1 -> "*";
            case 2 -> new String(cp, 0, 1) + STAR;
            default -> new String(cp, 0, 1) + stars(cp.length - 2) + new String(cp, cp.length - 1, 1);
        };
    }

    /** An ID number: first 6 and last 4 kept, 110105********002X. Shorter than 11 characters: all masked. */
    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 6, 4);
    }

    /**
     * A phone number: the first 3 and last 4 digits kept, other digits masked, separators kept:
     * 13812341234 → 138****1234, 010-62345678 → 010-****5678. A leading {@code +86} or
     * {@code 0086} is kept as it is and not counted.
     */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.strip();
        String country = "";
        for (String prefix : new String[] {"+86", "0086"}) {
            if (p.startsWith(prefix)) {
                country = prefix;
                p = p.substring(prefix.length());
                break;
            }
        }
        return country + maskDigits(p, 3, 4);
    }

    /** A bank card number: first 4 and last 4 digits kept, separators kept: 6222 **** **** 1234. */
    public static String bankCard(String cardNumber) {
        return cardNumber == null ? null : maskDigits(cardNumber.strip(), 4, 4);
    }

    /** An e-mail address: the first character of the local part and the domain kept: z***@example.cn. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        String e = email.strip();
        int at = e.lastIndexOf('@');
        if (at <= 0) {
            return keepEnds(e, 1, 0);
        }
        return e.substring(0, e.offsetByCodePoints(0, 1)) + "***" + e.substring(at);
    }

    /**
     * A street address: the first {@code visible} characters kept (enough for province, city,
     * district), the rest masked: 湖北省随州市曾都区西城街道… → 湖北省随州市曾都区*****.
     */
    public static String address(String address, int visible) {
        return keepEnds(address, Math.max(0, visible), 0);
    }

    /**
     * Any other value: {@code keepStart} leading and {@code keepEnd} trailing characters kept, the
     * middle masked; all masked if nothing would be left to mask.
     */
    public static String keepEnds(String value, int keepStart, int keepEnd) {
        if (value == null) {
            return null;
        }
        int[] cp = value.strip().codePoints().toArray();
        int start = Math.max(0, keepStart);
        int end = Math.max(0, keepEnd);
        if (cp.length == 0) {
            return "";
        }
        if (start + end >= cp.length) {
            return stars(cp.length);
        }
        return new String(cp, 0, start) + stars(cp.length - start - end) + new String(cp, cp.length - end, end);
    }

    /** Masks digits except the first {@code keepStart} and last {@code keepEnd} digits; other characters stay. */
    private static String maskDigits(String value, int keepStart, int keepEnd) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        if (digits <= keepStart + keepEnd) {
            return keepEnds(value, 0, 0);
        }
        StringBuilder b = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                b.append(seen <= keepStart || seen > digits - keepEnd ? c : STAR);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String stars(int n) {
        return String.valueOf(STAR).repeat(n);
    }
}
