package cn.minzheng.platform.codes;

import java.util.Locale;
import java.util.Objects;

/**
 * The one error this library throws for bad input: an identifier or an amount that is not well formed.
 *
 * <p>{@link #reason()} is stable and meant for machines (a problem-details {@code type}, a form
 * field error code); {@link #message(Locale)} is for people, in Chinese or English, and says what is
 * wrong and what to do. Messages never repeat the rejected value, because it is often personal
 * data that must not end up in logs.
 */
public final class InvalidCodeException extends IllegalArgumentException {

    /** Which kind of identifier was rejected. */
    public enum Kind {
        /** 居民身份证号码, GB 11643-1999. */
        RESIDENT_ID_NUMBER,
        /** 统一社会信用代码, GB 32100-2015. */
        CREDIT_CODE,
        /** 组织机构代码, GB 11714-1997. */
        ORGANIZATION_CODE,
        /** 行政区划代码, GB/T 2260 (with the 民政 12-digit extension). */
        REGION_CODE,
        /** An amount of money written in yuan ("680", "680.5", "680.50"), see {@code money.Fen}. */
        YUAN_AMOUNT
    }

    /** Why it was rejected. The names are part of the API: do not rename them. */
    public enum Reason {
        /** Nothing was given. */
        MISSING,
        /** Wrong number of characters. */
        LENGTH,
        /** A character that is not allowed at its position. */
        CHARACTERS,
        /** The region (address) part is not a possible 行政区划 code. */
        REGION,
        /** The birth date part is not a real calendar date (or a year no living person has). */
        BIRTH_DATE,
        /** The birth date lies after the reference date. */
        FUTURE_BIRTH_DATE,
        /** A sequence number outside 1..999 was asked for when generating an ID number. */
        SEQUENCE,
        /** The final check character does not match the others. */
        CHECK_CHARACTER,
        /** The organization code inside a credit code fails its own GB 11714 check. */
        ORGANIZATION_CODE_CHECK,
        /** A generation argument (authority, type) is not a legal character. */
        COMPONENT,
        /** An amount below zero where only zero or more has a meaning. */
        NEGATIVE,
        /** An amount with more than two decimals (finer than one fen). */
        DECIMALS,
        /** An amount of more digits than any amount the platform handles (12 before the point). */
        TOO_LARGE
    }

    private final Kind kind;
    private final Reason reason;
    private final String messageEn;
    private final String messageZh;

    public InvalidCodeException(Kind kind, Reason reason, String messageEn, String messageZh) {
        super(messageEn);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.messageEn = Objects.requireNonNull(messageEn, "messageEn");
        this.messageZh = Objects.requireNonNull(messageZh, "messageZh");
    }

    public Kind kind() {
        return kind;
    }

    public Reason reason() {
        return reason;
    }

    public String messageEn() {
        return messageEn;
    }

    public String messageZh() {
        return messageZh;
    }

    /** The Chinese message for any Chinese locale, the English one otherwise. */
    public String message(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? messageZh : messageEn;
    }
}
