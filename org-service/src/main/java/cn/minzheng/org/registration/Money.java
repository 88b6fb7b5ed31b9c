package cn.minzheng.org.registration;

import java.math.BigDecimal;

/** Fen inside, two-decimal yuan outside. */
public final class Money {
    private Money() {
    }

    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen).movePointLeft(2).setScale(2).toPlainString();
    }
}
