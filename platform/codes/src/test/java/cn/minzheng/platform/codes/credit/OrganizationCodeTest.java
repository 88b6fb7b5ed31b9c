package cn.minzheng.platform.codes.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrganizationCodeTest {

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource({
            // M=22, J=19: 3·22 + 7·19 + 9·0 + 10·0 + 5·6 + 8·5 + 4·0 + 2·4 = 277; 277 mod 11 = 2; 11 − 2 = 9
            "MJ006504, MJ0065049",
            // the letters I, O, S, V, Z are legal here (A=10 … Z=35), unlike in the credit code
            "ZZZZZZZZ, ZZZZZZZZ3",
            "00000006, 00000006X",
            "00000000, 000000000",
    })
    void generatesTheCheckCharacter(String body, String code) {
        assertThat(OrganizationCode.generate(body).value()).isEqualTo(code);
        assertThat(OrganizationCode.isValid(code)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "MJ006504,   LENGTH",
            "MJ006504-9, LENGTH",
            "mj0065049,  CHARACTERS",
            "MJ006504Y,  CHARACTERS",
            "MJ0065048,  CHECK_CHARACTER",
    })
    void rejects(String text, Reason reason) {
        assertThatThrownBy(() -> OrganizationCode.parse(text))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
