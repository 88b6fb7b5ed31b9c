package cn.minzheng.platform.codes.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.InvalidCodeException.Kind;
import cn.minzheng.platform.codes.InvalidCodeException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class RegionCodeTest {

    @ParameterizedTest(name = "{0} → {1}, {2}, parent {3}")
    @CsvSource({
            "420000,       PROVINCE,   420000,       ",
            "421300,       PREFECTURE, 421300,       420000",
            "421303,       COUNTY,     421303,       421300",
            "421303001,    TOWNSHIP,   421303001,    421303",
            "421303001001, VILLAGE,    421303001001, 421303001",
            "421303001000, TOWNSHIP,   421303001,    421303",
            "420000000000, PROVINCE,   420000,       ",
            "421303000,    COUNTY,     421303,       421300",
            // 东莞: towns directly under a prefecture-level city without counties
            "441900003,    TOWNSHIP,   441900003,    441900",
            // 省直辖县级行政区 (仙桃) sit under the pseudo-prefecture 90
            "429004,       COUNTY,     429004,       429000",
    })
    void levelCanonicalFormAndParent(String text, RegionLevel level, String code, String parent) {
        RegionCode region = RegionCode.parse(text);

        assertThat(region.level()).isEqualTo(level);
        assertThat(region.code()).isEqualTo(code);
        assertThat(region.parent().map(RegionCode::code)).isEqualTo(Optional.ofNullable(parent));
    }

    @Test
    void walksUpToTheProvince() {
        List<String> chain = new ArrayList<>();
        Optional<RegionCode> r = Optional.of(RegionCode.parse("421303001001"));
        while (r.isPresent()) {
            chain.add(r.get().code());
            r = r.get().parent();
        }
        assertThat(chain).containsExactly("421303001001", "421303001", "421303", "421300", "420000");
        assertThat(RegionCode.parse("421303001001").province()).isEqualTo(RegionCode.parse("420000"));
    }

    @Test
    void equalAreasAreEqualWhateverTheLength() {
        assertThat(RegionCode.parse("420000")).isEqualTo(RegionCode.parse("420000000000"));
        assertThat(RegionCode.parse("421303001")).isEqualTo(RegionCode.parse("421303001000"))
                .hasSameHashCodeAs(RegionCode.parse("421303001000"));
        assertThat(RegionCode.parse("421303001").twelveDigits()).isEqualTo("421303001000");
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "420000,    421303001001, true",
            "421300,    421303,       true",
            "421303,    421303,       true",
            "421303,    421303001,    true",
            "421303001, 421303001001, true",
            "421303001, 421303002001, false",
            "421303,    421300,       false",
            "420000,    430000,       false",
            "421300,    421381,       true",
            "421300,    422801,       false",
            "441900,    441900003,    true",
    })
    void containment(String outer, String inner, boolean expected) {
        assertThat(RegionCode.parse(outer).contains(RegionCode.parse(inner))).isEqualTo(expected);
        assertThat(RegionCode.parse(inner).isWithin(RegionCode.parse(outer))).isEqualTo(expected);
        assertThat(RegionCode.parse(inner).isWithin(outer)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} within scope {0}: {2}")
    @CsvSource({
            "42,           421303001001, true",
            "4213,         421303,       true",
            "4213,         421200,       false",
            "4200,         421303,       true",
            "43,           421303,       false",
            "421303,       421303001001, true",
            "421303001,    421303001001, true",
            "421303001001, 421303001001, true",
            "421303001001, 421303001002, false",
    })
    void scopesGivenAsPrefixOrCode(String scope, String code, boolean expected) {
        assertThat(RegionCode.parse(code).isWithin(scope)).isEqualTo(expected);
        assertThat(RegionScope.parse(scope).includes(RegionCode.parse(code))).isEqualTo(expected);
    }

    @Test
    void nationwideMustBeAskedForExplicitly() {
        assertThat(RegionScope.NATIONWIDE.includes(RegionCode.parse("650102"))).isTrue();
        assertThatThrownBy(() -> RegionScope.parse("")).isInstanceOf(InvalidCodeException.class);
        assertThatThrownBy(() -> RegionScope.parse(null)).isInstanceOf(InvalidCodeException.class);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "42130,         LENGTH",
            "4213030010,    LENGTH",
            "42130a,        CHARACTERS",
            "421303 01,     CHARACTERS",
            "000000,        REGION",
            "991303,        REGION",
            "101303,        REGION",
    })
    void rejects(String text, Reason reason) {
        assertThatThrownBy(() -> RegionCode.parse(text))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.kind()).isEqualTo(Kind.REGION_CODE);
                    assertThat(e.messageZh()).contains("行政区划代码");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingInputIsItsOwnReason(String text) {
        assertThatThrownBy(() -> RegionCode.parse(text))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
    }
}
