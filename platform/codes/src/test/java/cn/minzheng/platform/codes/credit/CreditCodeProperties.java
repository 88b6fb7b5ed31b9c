package cn.minzheng.platform.codes.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.platform.codes.InvalidCodeException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class CreditCodeProperties {

    @Property
    void anyStringIsEitherACodeOrTheLibrarysError(@ForAll String text) {
        try {
            CreditCode.parse(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void alphanumericStringsFailOnlyWithTheLibrarysError(
            @ForAll @StringLength(18) @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z') String text) {
        try {
            CreditCode.parse(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void anyOrganizationCodeTextIsEitherValidOrTheLibrarysError(@ForAll @StringLength(max = 12) String text) {
        try {
            OrganizationCode.parse(text);
        } catch (InvalidCodeException expected) {
            // the only failure allowed
        }
    }

    @Property
    void generatedCodesValidate(@ForAll("codes") CreditCode code) {
        CreditCode read = CreditCode.parse(code.value());
        assertThat(read).isEqualTo(code);
        assertThat(OrganizationCode.isValid(read.organizationCode().value())).isTrue();
    }

    @Property
    void everySingleChangedCharacterIsDetected(
            @ForAll("codes") CreditCode code,
            @ForAll @IntRange(min = 0, max = 17) int position,
            @ForAll @CharRange(from = '0', to = '9') @CharRange(from = 'A', to = 'Z') char replacement) {
        Assume.that(replacement != code.value().charAt(position));
        String changed = code.value().substring(0, position) + replacement + code.value().substring(position + 1);

        assertThatThrownBy(() -> CreditCode.parse(changed)).isInstanceOf(InvalidCodeException.class);
    }

    @Provide
    Arbitrary<CreditCode> codes() {
        Arbitrary<Character> authorities = Arbitraries.of('5', '9', '1', 'Y');
        Arbitrary<Character> types = Arbitraries.of('1', '2', '3', '9');
        Arbitrary<String> regions = Arbitraries.of("100000", "420000", "421300", "421303", "441900", "110105");
        Arbitrary<String> bodies = Arbitraries.longs().between(0, 852_891_037_440L).map(CreditCode::organizationBodyOf);
        return Combinators.combine(authorities, types, regions, bodies).as(CreditCode::generate);
    }
}
