package cn.minzheng.platform.codes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.region.RegionCode;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ResidentIdNumberProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    @Property
    void anyStringIsEitherANumberOrTheLibrarysError(@ForAll String text) {
        try {
            ResidentIdNumber.parse(text, TODAY);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void eighteenDigitStringsFailOnlyWithTheLibrarysError(
            @ForAll @StringLength(18) @CharRange(from = '0', to = '9') @Chars({'X', 'x'}) String text) {
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(text, TODAY);
            assertThat(id.value()).isEqualToIgnoringCase(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void generatedNumbersValidateAndRoundTrip(@ForAll("ids") ResidentIdNumber id) {
        ResidentIdNumber read = ResidentIdNumber.parse(id.value(), TODAY);
        assertThat(read).isEqualTo(id);
        assertThat(read.birthDate()).isEqualTo(id.birthDate());
        assertThat(read.sex()).isEqualTo(id.sequence() % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    @Property
    void everySingleChangedCharacterIsDetected(
            @ForAll("ids") ResidentIdNumber id,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @CharRange(from = '0', to = '9') @Chars({'X', 'x', 'A', ' '}) char replacement) {
        char original = id.value().charAt(position);
        Assume.that(Character.toUpperCase(replacement) != original);
        String changed = id.value().substring(0, position) + replacement + id.value().substring(position + 1);

        assertThatThrownBy(() -> ResidentIdNumber.parse(changed, TODAY)).isInstanceOf(InvalidCodeException.class);
    }

    @Provide
    Arbitrary<ResidentIdNumber> ids() {
        Arbitrary<RegionCode> regions = Arbitraries.of("110105", "420000", "421303", "441900", "650102", "810000")
                .map(RegionCode::parse);
        Arbitrary<LocalDate> births = Arbitraries.longs()
                .between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<Integer> sequences = Arbitraries.integers().between(1, 999);
        return Combinators.combine(regions, births, sequences).as(ResidentIdNumber::generate);
    }
}
