package cn.minzheng.assistance.standards;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardCatalogueTest {
    static final StandardCatalogue SEED = new StandardCatalogue(List.of(
            new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed"),
            new AssistanceStandard("421303", StandardKind.DIBAO_RURAL, YearMonth.of(2023, 1), 61700, "seed"),
            new AssistanceStandard("421303", StandardKind.TEKUN_URBAN, YearMonth.of(2023, 1), 136000, "seed"),
            new AssistanceStandard("421303", StandardKind.TEKUN_RURAL, YearMonth.of(2023, 1), 123300, "seed"),
            new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2024, 7), 72000, "later"),
            new AssistanceStandard("421303001", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 70000, "town"),
            new AssistanceStandard("42", StandardKind.DIBAO_URBAN, YearMonth.of(2020, 1), 50000, "province")));

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "421303002001, DIBAO_URBAN, 2023-05, 68000",
            "421303002001, DIBAO_URBAN, 2024-06, 68000",
            "421303002001, DIBAO_URBAN, 2024-07, 72000",
            "421303002001, DIBAO_RURAL, 2026-01, 61700",
            "421303002001, TEKUN_URBAN, 2023-01, 136000",
            "421303001001, DIBAO_URBAN, 2023-05, 70000",
            "421302001001, DIBAO_URBAN, 2023-05, 50000",
            "421303002001, DIBAO_URBAN, 2022-12, 50000",
    })
    void theStandardInForceForTheMonthAndMostSpecificRegion(String region, StandardKind kind, YearMonth month,
                                                          long fen) {
        assertThat(SEED.inForce(region, kind, month)).get().extracting(AssistanceStandard::monthlyFen).isEqualTo(fen);
    }

    @Test
    void noStandardBeforeAnyTookEffect() {
        assertThat(SEED.inForce("421303002001", StandardKind.DIBAO_RURAL, YearMonth.of(2022, 12))).isEmpty();
        assertThat(SEED.inForce("110105002001", StandardKind.DIBAO_URBAN, YearMonth.of(2024, 1))).isEmpty();
    }

    @Test
    void addingKeepsHistoryAndRefusesDuplicates() {
        AssistanceStandard next = new AssistanceStandard("421303", StandardKind.DIBAO_RURAL, YearMonth.of(2025, 1),
                65000, "2025 notice");
        StandardCatalogue c = SEED.with(next);
        assertThat(c.inForce("421303002001", StandardKind.DIBAO_RURAL, YearMonth.of(2024, 12))).get()
                .extracting(AssistanceStandard::monthlyFen).isEqualTo(61700L);
        assertThat(c.inForce("421303002001", StandardKind.DIBAO_RURAL, YearMonth.of(2025, 1))).get()
                .extracting(AssistanceStandard::monthlyFen).isEqualTo(65000L);
        assertThatThrownBy(() -> c.with(next)).isInstanceOf(StandardCatalogue.DuplicateStandardException.class);
    }
}
