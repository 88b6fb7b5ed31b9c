package cn.minzheng.platform.codes.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.codes.InvalidCodeException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RegionCodeProperties {

    @Property
    void anyStringIsEitherACodeOrTheLibrarysError(@ForAll String text) {
        try {
            RegionCode.parse(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
        try {
            RegionScope.parse(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void everyAncestorContainsTheCodeAndIsWider(@ForAll("codes") RegionCode code) {
        Optional<RegionCode> parent = code.parent();
        RegionCode child = code;
        while (parent.isPresent()) {
            assertThat(parent.get().contains(code)).isTrue();
            assertThat(code.contains(parent.get())).isFalse();
            assertThat(parent.get().level()).isLessThan(child.level());
            child = parent.get();
            parent = parent.get().parent();
        }
        assertThat(child.level()).isEqualTo(RegionLevel.PROVINCE);
    }

    @Property
    void theCanonicalFormReadsBackAsTheSameArea(@ForAll("codes") RegionCode code) {
        assertThat(RegionCode.parse(code.code())).isEqualTo(code);
        assertThat(RegionCode.parse(code.twelveDigits())).isEqualTo(code);
        assertThat(code.isWithin(code.code())).isTrue();
        assertThat(code.twelveDigits()).startsWith(code.prefix());
    }

    @Provide
    Arbitrary<RegionCode> codes() {
        Arbitrary<String> province = Arbitraries.of("11", "42", "44", "65", "81");
        Arbitrary<String> two = Arbitraries.strings().numeric().ofLength(2);
        Arbitrary<String> three = Arbitraries.strings().numeric().ofLength(3);
        return net.jqwik.api.Combinators.combine(province, two, two, three, three)
                .as((p, f, c, t, v) -> p + f + c + t + v)
                .map(RegionCode::parse);
    }
}
