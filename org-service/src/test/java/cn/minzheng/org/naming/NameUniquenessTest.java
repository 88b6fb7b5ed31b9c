package cn.minzheng.org.naming;

import cn.minzheng.org.naming.NameRecord.NameState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NameUniquenessTest {
    private final NameUniqueness uniqueness = new NameUniqueness(NamePolicy.defaults());
    private final NameClaim claim = new NameClaim("330100", "养老", "服务中心", "夕阳红");

    @ParameterizedTest(name = "{0} released {1}, applying {2}, other authority={3} -> taken={4}")
    @CsvSource(nullValues = "-", textBlock = """
            IN_USE,                     -,          2025-06-01, false, true
            IN_USE,                     -,          2025-06-01, true,  false
            RELEASED_BY_RENAME,         2024-06-02, 2025-06-01, false, true
            RELEASED_BY_RENAME,         2024-06-01, 2025-06-01, false, false
            RELEASED_BY_DEREGISTRATION, 2024-06-02, 2025-06-01, false, true
            RELEASED_BY_DEREGISTRATION, 2023-01-01, 2025-06-01, false, false
            RELEASED_BY_REVOCATION,     2022-06-02, 2025-06-01, false, true
            RELEASED_BY_REVOCATION,     2022-06-01, 2025-06-01, false, false
            RELEASED_BY_REVOCATION,     2024-12-31, 2025-06-01, false, true
            """)
    void blocksWithinTheWindowsOfTheSameAuthority(NameState state, LocalDate releasedOn, LocalDate on,
                                                   boolean otherAuthority, boolean taken) {
        NameClaim held = otherAuthority ? new NameClaim("330200", claim.field(), claim.form(), claim.distinctive()) : claim;
        NameRecord record = new NameRecord(held, "杭州市夕阳红养老服务中心", "ORG-1", state, releasedOn);
        assertThat(uniqueness.check(claim, "杭州市夕阳红养老服务中心", List.of(record), "ORG-2", on, "/name").isPresent()).isEqualTo(taken);
    }

    @ParameterizedTest(name = "other form {0} / field {1} / trade {2} -> taken={3}")
    @CsvSource(textBlock = """
            服务中心, 养老, 夕阳红, true
            院,       养老, 夕阳红, false
            服务中心, 助残, 夕阳红, false
            服务中心, 养老, 朝阳红, false
            """)
    void comparesFieldFormAndTradeName(String form, String field, String trade, boolean taken) {
        NameRecord record = new NameRecord(new NameClaim("330100", field, form, trade), "杭州市" + trade + field + form,
                "ORG-1", NameState.IN_USE, null);
        assertThat(uniqueness.check(claim, "杭州市夕阳红养老服务中心", List.of(record), null, LocalDate.of(2025, 1, 1), "/name")
                .isPresent()).isEqualTo(taken);
    }

    @org.junit.jupiter.api.Test
    void anOrganizationsOwnNameNeverBlocksItAndNameTakenIsTheCode() {
        NameRecord own = new NameRecord(claim, "杭州市夕阳红养老服务中心", "ORG-1", NameState.IN_USE, null);
        assertThat(uniqueness.check(claim, "杭州市夕阳红养老服务中心", List.of(own), "ORG-1", LocalDate.of(2025, 1, 1), "/name")).isEmpty();
        assertThat(uniqueness.check(claim, "杭州市夕阳红养老服务中心", List.of(own), "ORG-9", LocalDate.of(2025, 1, 1), "/name"))
                .get().extracting(p -> p.code()).isEqualTo("NAME_TAKEN");
    }
}
