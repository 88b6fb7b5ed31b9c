package cn.minzheng.platform.codes.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FenTest {

    @ParameterizedTest(name = "\"{0}\" → {1} fen")
    @CsvSource({
            "0,                 0",
            "680,               68000",
            "680.5,             68050",
            "680.50,            68050",
            "0.01,              1",
            "1040.00,           104000",
            "007,               700",
            "999999999999.99,   99999999999999",
    })
    void acceptedForms(String yuan, long fen) {
        assertThat(Fen.parseYuan(yuan)).isEqualTo(Fen.of(fen));
        assertThat(Fen.isYuan(yuan)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "''                 | MISSING",
            "-1                 | NEGATIVE",
            "-0.01              | NEGATIVE",
            "+1                 | CHARACTERS",
            "1,000              | CHARACTERS",
            "' 680'             | CHARACTERS",
            "680 元             | CHARACTERS",
            "1e3                | CHARACTERS",
            ".5                 | CHARACTERS",
            "5.                 | CHARACTERS",
            "６８０             | CHARACTERS",
            "NaN                | CHARACTERS",
            "0.001              | DECIMALS",
            "680.505            | DECIMALS",
            "1000000000000      | TOO_LARGE",
            "1000000000000.5    | TOO_LARGE",
    })
    void refusedFormsSayWhy(String yuan, Reason reason) {
        assertThatThrownBy(() -> Fen.parseYuan(yuan))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.YUAN_AMOUNT);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.messageZh()).containsAnyOf("请", "例如");
                });
        assertThat(Fen.isYuan(yuan)).isFalse();
    }

    @Test
    void nullIsMissing() {
        assertThatThrownBy(() -> Fen.parseYuan(null))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    }

    @ParameterizedTest(name = "signed \"{0}\" → {1} fen")
    @CsvSource({"-1200.50, -120050", "-0.01, -1", "0, 0", "680.5, 68050", "-999999999999.99, -99999999999999"})
    void aBalanceMayBeBelowZero(String yuan, long fen) {
        assertThat(Fen.parseSignedYuan(yuan)).isEqualTo(Fen.of(fen));
    }

    @ParameterizedTest(name = "signed \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "-          | CHARACTERS",
            "--5        | CHARACTERS",
            "-+5        | CHARACTERS",
            "-0.001     | DECIMALS",
            "-1000000000000 | TOO_LARGE",
            "''         | MISSING",
    })
    void aSignedBalanceFollowsTheSameRule(String yuan, Reason reason) {
        assertThatThrownBy(() -> Fen.parseSignedYuan(yuan))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest(name = "{0} fen → \"{1}\"")
    @CsvSource({"0, 0.00", "5, 0.05", "68050, 680.50", "104000, 1040.00", "-1230, -12.30"})
    void formatsTwoDecimals(long fen, String yuan) {
        assertThat(Fen.of(fen).yuan()).isEqualTo(yuan);
        assertThat(Fen.of(fen)).hasToString(yuan);
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Fen.parseYuan("680").times(3).minus(Fen.parseYuan("1000"))).isEqualTo(Fen.parseYuan("1040"));
        assertThat(Fen.of(1).minus(Fen.of(2)).isNegative()).isTrue();
        assertThatThrownBy(() -> Fen.of(Long.MAX_VALUE).plus(Fen.of(1))).isInstanceOf(ArithmeticException.class);
        assertThat(Fen.ZERO.isZero()).isTrue();
        assertThat(Fen.of(2)).isGreaterThan(Fen.of(1));
    }
}
