package cn.minzheng.assistance;

import java.math.BigDecimal;

/** Money crosses the API as two-decimal yuan strings ("680.00") and lives inside as integer fen. */
public final class Money {
    private static final java.util.regex.Pattern YUAN = java.util.regex.Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private Money() {
    }

    /** Fen from "680", "680.5" or "680.50"; {@link IllegalArgumentException} for anything else (incl. negatives). */
    public static long parseYuan(String yuan) {
        if (yuan == null || !YUAN.matcher(yuan).matches()) {
            throw new IllegalArgumentException("not a yuan amount with at most two decimals: " + yuan);
        }
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    public static boolean isYuan(String yuan) {
        return yuan != null && YUAN.matcher(yuan).matches();
    }

    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }
}
