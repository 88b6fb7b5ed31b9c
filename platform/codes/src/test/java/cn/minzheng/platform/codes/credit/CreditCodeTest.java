package cn.minzheng.platform.codes.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import cn.minzheng.platform.codes.region.RegionCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** Expected values were computed independently of this code, from the formulas in GB 32100 / GB 11714. */
class CreditCodeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "53100000MJ0065049E, 5, 3, 100000, MJ0065049",
            "91350100M000100Y43, 9, 1, 350100, M000100Y4",
            "51421303000000019Y, 5, 1, 421303, 000000019",
            "5142130300000006X2, 5, 1, 421303, 00000006X",
            "514213030000000002, 5, 1, 421303, 000000000",
            "514213030000003770, 5, 1, 421303, 000000377",
            "52441900ABC1234514, 5, 2, 441900, ABC123451",
    })
    void readsValidCodes(String text, char authority, char type, String region, String organizationCode) {
        CreditCode code = CreditCode.parse(text);

        assertThat(code.value()).isEqualTo(text);
        assertThat(code.authority()).isEqualTo(authority);
        assertThat(code.type()).isEqualTo(type);
        assertThat(code.regionPart()).isEqualTo(region);
        assertThat(code.organizationCode().value()).isEqualTo(organizationCode);
    }

    @Test
    void theWorkedExampleIsACentrallyRegisteredFoundation() {
        CreditCode code = CreditCode.parse("53100000MJ0065049E");

        assertThat(code.isCivilAffairs()).isTrue();
        assertThat(code.civilAffairsType()).contains(CivilAffairsOrganizationType.FOUNDATION);
        assertThat(code.region()).isEmpty();
        assertThat(CreditCode.parse("52441900ABC1234514").region()).contains(RegionCode.parse("441900"));
        assertThat(CreditCode.parse("91350100M000100Y43").civilAffairsType()).isEmpty();
    }

    @Test
    void lowerCaseIsAcceptedAndUpperCased() {
        assertThat(CreditCode.parse("53100000mj0065049e").value()).isEqualTo("53100000MJ0065049E");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "53100000MJ0065049,    LENGTH",
            "53100000MJ0065049EE,  LENGTH",
            "53100000MJ0O65049E,   CHARACTERS",
            "53100000MI0065049E,   CHARACTERS",
            "53100000MJ0065049Z,   CHARACTERS",
            "53100000MJ00650S9E,   CHARACTERS",
            "53100000MJ 065049E,   CHARACTERS",
            "53ABCDEFMJ0065049E,   REGION",
            "53990000MJ0065049E,   REGION",
            "53000000MJ0065049E,   REGION",
            "53100000MJ0065049F,   CHECK_CHARACTER",
            "53100000MJ0065049D,   CHECK_CHARACTER",
            "53100000MJ0065048B,   ORGANIZATION_CODE_CHECK",
            "52441900ABC12345XT,   ORGANIZATION_CODE_CHECK",
    })
    void rejectsWithAStableReason(String text, Reason reason) {
        assertThatThrownBy(() -> CreditCode.parse(text))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(Kind.CREDIT_CODE);
                    assertThat(e.messageZh()).contains("统一社会信用代码");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingInputIsItsOwnReason(String text) {
        assertThatThrownBy(() -> CreditCode.parse(text))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    }

    @ParameterizedTest(name = "{0}{1} {2} {3} → {4}")
    @CsvSource({
            "5, 3, 100000, MJ006504, 53100000MJ0065049E",
            "5, 1, 421303, 00000001, 51421303000000019Y",
            "5, 3, 420000, MJ000001, 53420000MJ00000182",
            "9, 1, 110105, MA01ABCD, 91110105MA01ABCD5F",
    })
    void generatesTheCodeTheStandardGives(char authority, char type, String region, String body, String expected) {
        assertThat(CreditCode.generate(authority, type, region, body).value()).isEqualTo(expected);
    }

    @Test
    void generatesForACivilAffairsRegistration() {
        CreditCode code = CreditCode.generateCivilAffairs(CivilAffairsOrganizationType.PRIVATE_NON_ENTERPRISE_UNIT,
                RegionCode.parse("441900"), "ABC12345");
        assertThat(code.value()).isEqualTo("52441900ABC1234514");
        assertThat(code.civilAffairsType()).isEqualTo(Optional.of(CivilAffairsOrganizationType.PRIVATE_NON_ENTERPRISE_UNIT));
    }

    @ParameterizedTest(name = "{0}{1} {2} {3} → {4}")
    @CsvSource({
            "5, 1, 421303,    0000000I, CHARACTERS",
            "5, 1, 421303,    0000000,  LENGTH",
            "5, 1, 42130300,  00000001, REGION",
            "5, 1, 990000,    00000001, REGION",
            "I, 1, 421303,    00000001, COMPONENT",
            "5, S, 421303,    00000001, COMPONENT",
    })
    void refusesToGenerateIllegalCodes(char authority, char type, String region, String body, Reason reason) {
        assertThatThrownBy(() -> CreditCode.generate(authority, type, region, body))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0,           00000000",
            "31,          00000010",
            "123456789,   0049M302",
            "852891037440, YYYYYYYY",
    })
    void rendersSerialNumbersAsOrganizationBodies(long serial, String body) {
        assertThat(CreditCode.organizationBodyOf(serial)).isEqualTo(body);
    }
}
