package cn.minzheng.assistance.household;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.identity.ResidentIdNumber;
import cn.minzheng.platform.codes.identity.Sex;
import cn.minzheng.platform.codes.masking.Masking;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * 居民身份证号码 as this service needs it: valid or not, birth date, age. Rules (GB 11643-1999) are
 * platform-codes' {@link ResidentIdNumber}.
 */
public record ResidentIdentity(String number, LocalDate birthDate, boolean male) {

    /** The parsed number, or empty when it is malformed, fails the check or is born after {@code today}. */
    public static Optional<ResidentIdentity> parse(String raw, LocalDate today) {
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(raw, today);
            return Optional.of(new ResidentIdentity(id.value(), id.birthDate(), id.sex() == Sex.MALE));
        } catch (InvalidCodeException e) {
            return Optional.empty();
        }
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /** 110105********002X, for public lists and logs. */
    public static String mask(String number) {
        return Masking.idNumber(number);
    }
}
