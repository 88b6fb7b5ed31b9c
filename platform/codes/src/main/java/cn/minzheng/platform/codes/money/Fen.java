package cn.minzheng.platform.codes.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;

/**
 * An amount of money in integer 分 (fen). Money lives inside the platform as fen, never as a floating
 * point number, and crosses the API as a yuan string with two decimals ({@code "680.00"}).
 *
 * <p>One rule for every amount a person types ({@link #parseYuan}): digits, at most 12 before the
 * point, at most two after it — {@code "680"}, {@code "680.5"}, {@code "680.50"}. A sign, a
 * thousands separator, a space, an exponent or full-width digits are refused, and so is a negative
 * amount: no amount a citizen, an organization or a clerk enters is below zero — except a balance
 * that can be a deficit (an organization's net assets), read by {@link #parseSignedYuan}, the same
 * rule with an optional leading minus. Arithmetic ({@link #minus}) may give a negative difference,
 * e.g. a reduction; it formats with a minus sign.
 *
 * @param value the amount in fen
 */
public record Fen(long value) implements Comparable<Fen> {

    public static final Fen ZERO = new Fen(0);

    /** The most digits before the point: 999,999,999,999.99 元 is more than any amount handled. */
    public static final int MAX_YUAN_DIGITS = 12;

    private static final Pattern YUAN = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final Pattern DIGITS_AND_POINT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    public static Fen of(long fen) {
        return new Fen(fen);
    }

    /**
     * The amount a yuan string names.
     *
     * @throws InvalidCodeException with kind {@link Kind#YUAN_AMOUNT} and a reason ({@code MISSING},
     *     {@code CHARACTERS}, {@code NEGATIVE}, {@code DECIMALS}, {@code TOO_LARGE}); its Chinese
     *     message says how to write the amount
     */
    public static Fen parseYuan(String yuan) {
        if (yuan == null || yuan.isEmpty()) {
            throw invalid(Reason.MISSING, "an amount in yuan is required, e.g. 680 or 680.50",
                    "请填写金额（元），例如 680 或 680.50");
        }
        if (YUAN.matcher(yuan).matches()) {
            return new Fen(new BigDecimal(yuan).movePointRight(2).longValueExact());
        }
        if (!DIGITS_AND_POINT.matcher(yuan).matches()) {
            throw invalid(Reason.CHARACTERS,
                    "write the amount in yuan with digits and at most one decimal point, e.g. 680 or 680.50;"
                            + " no sign, spaces or thousands separators",
                    "金额只能由数字和一个小数点组成，例如 680 或 680.50；请去掉正负号、空格和千位分隔符");
        }
        if (yuan.startsWith("-")) {
            throw invalid(Reason.NEGATIVE, "the amount cannot be negative; enter 0 or more yuan",
                    "金额不能为负数，请填写 0 或以上的金额（元）");
        }
        int point = yuan.indexOf('.');
        if (point >= 0 && yuan.length() - point - 1 > 2) {
            throw invalid(Reason.DECIMALS, "at most two decimals (one fen); round the amount to the fen",
                    "金额最多保留两位小数（精确到分），请按分取整后重新填写");
        }
        throw invalid(Reason.TOO_LARGE, "at most " + MAX_YUAN_DIGITS + " digits before the decimal point",
                "金额整数部分最多 " + MAX_YUAN_DIGITS + " 位，请核对金额是否多输了数字");
    }

    /**
     * A balance that may be below zero (net assets, a deficit): {@code "-1200.50"} or any form
     * {@link #parseYuan} accepts. Only where a negative figure has a meaning; amounts paid, asked for
     * or owned use {@link #parseYuan}.
     *
     * @throws InvalidCodeException as {@link #parseYuan}, never with reason {@code NEGATIVE}
     */
    public static Fen parseSignedYuan(String yuan) {
        if (yuan != null && yuan.startsWith("-") && !yuan.startsWith("--")) {
            String magnitude = yuan.substring(1);
            if (magnitude.isEmpty()) {
                throw invalid(Reason.CHARACTERS, "a minus sign needs an amount after it, e.g. -680.50",
                        "负号后面应有金额，例如 -680.50");
            }
            return new Fen(-parseYuan(magnitude).value());
        }
        return parseYuan(yuan);
    }

    /** Whether {@link #parseYuan} accepts the string. */
    public static boolean isYuan(String yuan) {
        return yuan != null && YUAN.matcher(yuan).matches();
    }

    /** Two-decimal yuan: {@code "1040.00"}, {@code "0.05"}, {@code "-12.30"}. */
    public String yuan() {
        return BigDecimal.valueOf(value).movePointLeft(2).setScale(2).toPlainString();
    }

    public Fen plus(Fen other) {
        return new Fen(Math.addExact(value, other.value));
    }

    public Fen minus(Fen other) {
        return new Fen(Math.subtractExact(value, other.value));
    }

    public Fen times(long factor) {
        return new Fen(Math.multiplyExact(value, factor));
    }

    public boolean isNegative() {
        return value < 0;
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(Fen other) {
        return Long.compare(value, other.value);
    }

    /** The yuan form, so a Fen reads well in logs and messages. */
    @Override
    public String toString() {
        return yuan();
    }

    private static InvalidCodeException invalid(Reason reason, String en, String zh) {
        return new InvalidCodeException(Kind.YUAN_AMOUNT, reason, en, zh);
    }
}
