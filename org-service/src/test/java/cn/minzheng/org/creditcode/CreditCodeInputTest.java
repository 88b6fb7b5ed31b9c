package cn.minzheng.org.creditcode;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.codes.credit.CreditCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A typed 信用代码: normalised when it can exist, otherwise what is wrong — and for the check character, which one fits. */
class CreditCodeInputTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            53100000MJ0065049E     | 53100000MJ0065049E
            53100000mj0065049e     | 53100000MJ0065049E
            '  53100000Mj0065049E ' | 53100000MJ0065049E
            """)
    void aCodeThatCanExistIsNormalised(String typed, String normal) {
        assertThat(CreditCodeInput.read(typed, "/creditCode")).isEqualTo(normal);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            5310000MJ0065049E      | CREDIT_CODE_LENGTH          | 实际为17位
            53100000MJ0065049EE    | CREDIT_CODE_LENGTH          | 实际为19位
            ''                     | CREDIT_CODE_MISSING         | 未填写
            NULL                   | CREDIT_CODE_MISSING         | 未填写
            53100000MJ0O65049E     | CREDIT_CODE_CHARACTERS      | 第12位「O」
            53100000mj0o65049e     | CREDIT_CODE_CHARACTERS      | 第12位「o」
            53100000MJ006504IE     | CREDIT_CODE_CHARACTERS      | 第17位「I」
            53100000MJ0065049F     | CREDIT_CODE_CHECK_CHARACTER | 为「F」，按前17位应为「E」
            53100000mj0065049f     | CREDIT_CODE_CHECK_CHARACTER | 为「F」，按前17位应为「E」
            53100000MJ0065048E     | CREDIT_CODE_CHECK_CHARACTER | 应为「
            53999999MJ0065049E     | CREDIT_CODE_REGION          | 第3至8位
            """)
    void aCodeThatCannotExistSaysWhatIsWrong(String typed, String code, String says) {
        InvalidFields e = catchThrowableOfType(InvalidFields.class, () -> CreditCodeInput.read(typed, "/creditCode"));
        assertThat(e).as(typed).isNotNull();
        assertThat(e.code()).isEqualTo(CreditCodeInput.CODE);
        FieldProblem p = e.problems().get(0);
        assertThat(p.pointer()).isEqualTo("/creditCode");
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.message()).contains(says).contains("请");
    }

    @ParameterizedTest(name = "serial {0}")
    @CsvSource({"1", "30", "31", "961", "29790", "123456"})
    void theExpectedCheckCharacterIsTheOnlyOneThatFits(long serial) {
        String valid = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, "420102", serial).value();
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            String typed = valid.substring(0, 17) + c;
            if (c == valid.charAt(17)) {
                assertThat(CreditCodeInput.read(typed, "/creditCode")).isEqualTo(valid);
            } else {
                InvalidFields e = catchThrowableOfType(InvalidFields.class, () -> CreditCodeInput.read(typed, "/creditCode"));
                assertThat(e).as(typed).isNotNull();
                assertThat(e.problems().get(0).message()).as(typed).contains("应为「" + valid.charAt(17) + "」");
            }
        }
    }
}
