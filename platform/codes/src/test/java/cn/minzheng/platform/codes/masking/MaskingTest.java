package cn.minzheng.platform.codes.masking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "张三,        张*",
            "张三丰,      张*丰",
            "欧阳娜娜,    欧**娜",
            "买买提·艾力, 买****力",
            "王,          *",
            "' 李四 ',    李*",
            "𠮷野家,      𠮷*家",
            "''         , ''",
    })
    void names(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "11010519491231002X, 110105********002X",
            "110105491231002,    110105*****1002",
            "1101051949,         **********",
    })
    void idNumbers(String id, String masked) {
        assertThat(Masking.idNumber(id)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "13812341234,         138****1234",
            "138 1234 1234,       138 **** 1234",
            "+8613812341234,      +86138****1234",
            "0086 13812341234,    0086 138****1234",
            "010-62345678,        010-****5678",
            "1234567,             *******",
    })
    void phones(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "6222021234567890123,      6222***********0123",
            "6222 0212 3456 7890,      6222 **** **** 7890",
    })
    void bankCards(String card, String masked) {
        assertThat(Masking.bankCard(card)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "zhangsan@example.cn, z***@example.cn",
            "z@example.cn,        z***@example.cn",
            "not-an-address,      n*************",
    })
    void emails(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @Test
    void addressesKeepTheLeadingAdministrativePart() {
        assertThat(Masking.address("湖北省随州市曾都区西城街道一号", 9)).isEqualTo("湖北省随州市曾都区******");
        assertThat(Masking.address("短", 9)).isEqualTo("*");
    }

    @Test
    void everyMethodIsNullSafe() {
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.idNumber(null)).isNull();
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.bankCard(null)).isNull();
        assertThat(Masking.email(null)).isNull();
        assertThat(Masking.address(null, 6)).isNull();
        assertThat(Masking.keepEnds(null, 1, 1)).isNull();
    }
}
