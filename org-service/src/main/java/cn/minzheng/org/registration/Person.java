package cn.minzheng.org.registration;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.identity.ResidentIdNumber;

import java.time.LocalDate;
import java.util.List;

/** A natural person named in a registration: legal representative, officer, director. */
public record Person(String name, String idNumber) {

    /**
     * The person with the 居民身份证号码 in its normal form (surrounding blanks dropped, a final x
     * upper-cased), so that two spellings of one number are one person; a number that is no 身份证号
     * (length, characters, region, birth date, check character — platform/codes' rule, as for every
     * other ID on the platform) adds a problem at {@code pointer}{@code /idNumber} and the person is
     * returned as given. A missing number is left to the rule that requires it.
     */
    public Person checked(String pointer, LocalDate today, List<FieldProblem> problems) {
        if (idNumber == null || idNumber.isBlank()) {
            return this;
        }
        try {
            return new Person(name, ResidentIdNumber.parse(idNumber.strip(), today).value());
        } catch (InvalidCodeException e) {
            String message = e.messageZh().contains("请") ? e.messageZh() : e.messageZh() + "请对照身份证核对后重新填写。";
            problems.add(new FieldProblem(pointer + "/idNumber", "INVALID_ID_NUMBER", message));
            return this;
        }
    }
}
