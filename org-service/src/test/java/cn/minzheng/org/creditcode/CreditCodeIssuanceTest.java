package cn.minzheng.org.creditcode;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.platform.codes.credit.CreditCode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditCodeIssuanceTest {
    private final CreditCodeIssuance issuance = new CreditCodeIssuance("MJ");

    @Test
    void theWorkedExampleIsValidAndOurCodesHaveItsShape() {
        assertThat(CreditCode.isValid("53100000MJ0065049E")).isTrue();
        CreditCode issued = issuance.issue(OrganizationType.FOUNDATION, "100000", 1);
        assertThat(issued.value()).startsWith("53100000MJ");
        assertThat(CreditCode.isValid(issued.value())).isTrue();
    }

    @ParameterizedTest(name = "{0} at {1} starts with {2}")
    @CsvSource(textBlock = """
            SOCIAL_GROUP,           330100, 51330100MJ
            PRIVATE_NON_ENTERPRISE, 330106, 52330106MJ
            FOUNDATION,             330000, 53330000MJ
            """)
    void authorityFiveTypeDigitAndRegion(OrganizationType type, String region, String prefix) {
        assertThat(issuance.issue(type, region, 42).value()).startsWith(prefix).hasSize(18);
    }

    @Property(tries = 500)
    void everyIssuedCodeIsValidAndDistinctSerialsGiveDistinctCodes(
            @ForAll @LongRange(min = 1, max = 887_503_680L) long a, @ForAll @LongRange(min = 1, max = 887_503_680L) long b,
            @ForAll OrganizationType type) {
        CreditCode ca = issuance.issue(type, "330100", a);
        CreditCode cb = issuance.issue(type, "330100", b);
        assertThat(CreditCode.isValid(ca.value())).isTrue();
        assertThat(ca.equals(cb)).isEqualTo(a == b);
    }

    @Test
    void serialsOutsideTheCapacityAreRefused() {
        assertThat(issuance.capacity()).isEqualTo(887_503_681L);
        assertThatThrownBy(() -> issuance.issue(OrganizationType.FOUNDATION, "100000", issuance.capacity()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuance.issue(OrganizationType.FOUNDATION, "100000", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
