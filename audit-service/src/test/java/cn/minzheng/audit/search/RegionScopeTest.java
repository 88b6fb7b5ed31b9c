package cn.minzheng.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionScopeTest {

    @ParameterizedTest(name = "admin={0} auditor={1} region={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "true,  false, -,      ''",
        "true,  true,  421303, ''",
        "false, true,  421303, 421303",
        "false, true,  -,      -",
        "false, true,  '',     -",
        "false, true,  42x3,   -",
        "false, false, 421303, -"
    })
    void scopeFollowsRoleAndRegion(boolean admin, boolean auditor, String region, String prefix) {
        Optional<RegionScope> scope = RegionScope.of(admin, auditor, region);
        assertThat(scope.map(RegionScope::prefix)).isEqualTo(Optional.ofNullable(prefix));
    }

    @ParameterizedTest(name = "scope {0} asks {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "421303, -,         421303",
        "421303, 421303001, 421303001",
        "421303, 42,        421303",
        "421303, 110105,    -",
        "421303, 4213031,   4213031",
        "'',     110105,    110105",
        "'',     -,         ''"
    })
    void aQueryIsNarrowedToTheScope(String scope, String asked, String effective) {
        assertThat(new RegionScope(scope).narrow(asked)).isEqualTo(Optional.ofNullable(effective));
    }

    @Property(tries = 500)
    void theNarrowedPrefixNeverLeavesTheScope(@ForAll @NumericChars @StringLength(max = 6) String scope,
            @ForAll @NumericChars @StringLength(max = 12) String asked,
            @ForAll @NumericChars @StringLength(min = 12, max = 12) String regionCode) {
        RegionScope s = new RegionScope(scope);
        s.narrow(asked).ifPresent(prefix -> {
            if (regionCode.startsWith(prefix)) {
                assertThat(s.covers(regionCode)).isTrue();
            }
        });
    }
}
