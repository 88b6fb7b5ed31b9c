package cn.minzheng.platform.codes.identity;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import cn.minzheng.platform.codes.region.RegionCode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * 居民身份证号码 (GB 11643-1999, 公民身份号码): 6-digit address code, 8-digit birth date
 * (yyyyMMdd), 3-digit sequence (odd = male) and a check character.
 *
 * <p>The check character is {@code "10X98765432".charAt(S mod 11)} with
 * S = Σ aᵢ·wᵢ over the first 17 digits and weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. A lower-case
 * {@code x} is accepted and normalised to {@code X}. Only the 18-character form is read; the
 * 15-digit first-generation numbers expired in 2013.
 *
 * <p>{@link #toString()} gives the masked form so that a number logged by accident does not leak;
 * use {@link #value()} for the full number.
 */
public final class ResidentIdNumber {

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** A birth year before this is a typo, not a living person (the standard itself dates from 1999). */
    static final int EARLIEST_BIRTH_YEAR = 1850;

    private final String value;
    private final RegionCode region;
    private final LocalDate birthDate;
    private final int sequence;

    private ResidentIdNumber(String value, RegionCode region, LocalDate birthDate, int sequence) {
        this.value = value;
        this.region = region;
        this.birthDate = birthDate;
        this.sequence = sequence;
    }

    /**
     * Reads and checks a number, rejecting birth dates after {@code today}.
     *
     * @throws InvalidCodeException with the first problem found
     */
    public static ResidentIdNumber parse(String text, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (text == null || text.isEmpty()) {
            throw invalid(Reason.MISSING,
                    "No ID number was given. Enter the 18-character number printed on the resident ID card.",
                    "未填写居民身份证号码。请填写身份证上的18位号码。");
        }
        if (text.length() != LENGTH) {
            throw invalid(Reason.LENGTH,
                    "A resident ID number has 18 characters; this one has " + text.length()
                            + ". Check the card and enter all 18 characters.",
                    "居民身份证号码应为18位，实际为" + text.length() + "位。请核对证件后完整填写18位号码。");
        }
        String normalised = text.charAt(17) == 'x' ? text.substring(0, 17) + 'X' : text;
        for (int i = 0; i < 17; i++) {
            if (!isDigit(normalised.charAt(i))) {
                throw invalid(Reason.CHARACTERS,
                        "Character " + (i + 1) + " of the ID number is not a digit. Only the last character may be X.",
                        "居民身份证号码第" + (i + 1) + "位不是数字。只有最后一位可以是X。");
            }
        }
        char last = normalised.charAt(17);
        if (!isDigit(last) && last != 'X') {
            throw invalid(Reason.CHARACTERS,
                    "The last character of the ID number must be a digit or X.",
                    "居民身份证号码最后一位只能是数字或X。");
        }
        RegionCode region = RegionCode.tryParse(normalised.substring(0, 6)).orElseThrow(() -> invalid(Reason.REGION,
                "The first six digits of the ID number are not an address code (they must start with a province code, 11 to 83). Check them against the card.",
                "居民身份证号码前6位不是有效的地址码（应以11至83的省级代码开头）。请对照证件核对。"));
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(
                    Integer.parseInt(normalised.substring(6, 10)),
                    Integer.parseInt(normalised.substring(10, 12)),
                    Integer.parseInt(normalised.substring(12, 14)));
        } catch (DateTimeException e) {
            throw invalid(Reason.BIRTH_DATE,
                    "Digits 7 to 14 of the ID number are not a real date (yyyyMMdd). Check the birth date part.",
                    "居民身份证号码第7至14位不是有效日期（年月日）。请核对出生日期部分。");
        }
        if (birthDate.getYear() < EARLIEST_BIRTH_YEAR) {
            throw invalid(Reason.BIRTH_DATE,
                    "The birth year in the ID number (digits 7 to 10) is before " + EARLIEST_BIRTH_YEAR
                            + ", which no card holder can have. Check the birth date part.",
                    "居民身份证号码中的出生年份（第7至10位）早于" + EARLIEST_BIRTH_YEAR + "年，不可能有效。请核对出生日期部分。");
        }
        if (birthDate.isAfter(today)) {
            throw invalid(Reason.FUTURE_BIRTH_DATE,
                    "The birth date in the ID number (digits 7 to 14) lies in the future. Check the birth date part.",
                    "居民身份证号码中的出生日期（第7至14位）晚于今天。请核对出生日期部分。");
        }
        int sequence = Integer.parseInt(normalised.substring(14, 17));
        if (last != checkCharacter(normalised)) {
            throw invalid(Reason.CHECK_CHARACTER,
                    "The ID number's check character (the last one) does not match the other 17. One character is probably mistyped: compare each with the card.",
                    "居民身份证号码校验位（最后一位）与前17位不符，可能有输入错误。请逐位对照证件核对。");
        }
        return new ResidentIdNumber(normalised, region, birthDate, sequence);
    }

    /** {@link #parse(String, LocalDate)} with today's date from {@code clock}. */
    public static ResidentIdNumber parse(String text, Clock clock) {
        return parse(text, LocalDate.now(clock));
    }

    public static boolean isValid(String text, LocalDate today) {
        try {
            parse(text, today);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /**
     * Builds a valid number, for tests and seed data.
     *
     * @param region   the address code; its 6-digit form is used, so it must be county level or wider
     * @param sequence 1..999 (odd for a man, even for a woman)
     * @throws InvalidCodeException if the region is below county level, the year has not 4 digits or
     *                              the sequence is out of range
     */
    public static ResidentIdNumber generate(RegionCode region, LocalDate birthDate, int sequence) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(birthDate, "birthDate");
        if (region.code().length() != 6) {
            throw invalid(Reason.REGION,
                    "An ID number carries a 6-digit address code; pass a county-level (or wider) region.",
                    "居民身份证号码的地址码为6位，请使用县级或以上的行政区划代码。");
        }
        if (birthDate.getYear() < EARLIEST_BIRTH_YEAR || birthDate.getYear() > 9999) {
            throw invalid(Reason.BIRTH_DATE,
                    "An ID number carries a 4-digit birth year from " + EARLIEST_BIRTH_YEAR + " on.",
                    "居民身份证号码中的出生年份为4位，且不早于" + EARLIEST_BIRTH_YEAR + "年。");
        }
        if (sequence < 1 || sequence > 999) {
            throw invalid(Reason.SEQUENCE,
                    "The sequence part of an ID number is 001 to 999.",
                    "居民身份证号码顺序码应为001至999。");
        }
        String body = region.code()
                + String.format("%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
                + String.format("%03d", sequence);
        return new ResidentIdNumber(body + checkCharacter(body), region, birthDate, sequence);
    }

    /** The check character for the first 17 digits of {@code digits}. */
    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static InvalidCodeException invalid(Reason reason, String en, String zh) {
        return new InvalidCodeException(Kind.RESIDENT_ID_NUMBER, reason, en, zh);
    }

    /** The full 18-character number, check character upper-case. */
    public String value() {
        return value;
    }

    /** The address code (where the number was first issued, not necessarily where the person lives). */
    public RegionCode region() {
        return region;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    /** The 3-digit sequence, 0..999. */
    public int sequence() {
        return sequence;
    }

    public Sex sex() {
        return sequence % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /**
     * Age in whole years (周岁) on {@code date}: the birthday itself counts, and someone born on
     * 29 February turns a year older on 1 March in common years.
     *
     * @throws IllegalArgumentException if {@code date} is before the birth date
     */
    public int ageOn(LocalDate date) {
        if (date.isBefore(birthDate)) {
            throw new IllegalArgumentException("date is before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber r && r.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, e.g. {@code 110105********002X}: safe for logs. */
    @Override
    public String toString() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }
}
