package cn.minzheng.assistance.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 居民身份证号码 (GB 11643-1999): address code, birth date, sequence (odd = male), check character.
 * Local to this module until platform-codes publishes {@code ResidentIdNumber}; then this class
 * should delegate to it.
 */
public record ResidentIdentity(String number, LocalDate birthDate, boolean male) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The parsed number, or empty when it is malformed, fails the check or is born after {@code today}. */
    public static Optional<ResidentIdentity> parse(String raw, LocalDate today) {
        if (raw == null || raw.length() != 18) {
            return Optional.empty();
        }
        String number = raw.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (number.charAt(17) != CHECK.charAt(sum % 11)) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (birth.isAfter(today) || birth.getYear() < 1870) {
            return Optional.empty();
        }
        boolean male = (number.charAt(16) - '0') % 2 == 1;
        return Optional.of(new ResidentIdentity(number, birth, male));
    }

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    /** 110105********002X: region kept, birth date hidden, as public lists and logs require. */
    public static String mask(String number) {
        if (number == null || number.length() < 10) {
            return "****";
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }
}
