package cn.minzheng.org.annualinspection;

import cn.minzheng.org.organization.OrganizationType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionSweepTest {
    private final InspectionPolicy policy = InspectionPolicy.defaults();
    private final InspectionSweep sweep = new InspectionSweep(policy);

    @ParameterizedTest(name = "registered {0}, year {1} -> exempt {2}")
    @CsvSource(textBlock = """
            2024-06-30, 2024, false
            2024-07-01, 2024, true
            2024-12-31, 2024, true
            2023-12-31, 2024, false
            2025-02-01, 2024, true
            2024-06-30, 2023, true
            """)
    void exemptWhenRegisteredLessThanSixMonthsBeforeYearEnd(LocalDate registered, int year, boolean exempt) {
        assertThat(policy.exempt(registered, year)).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "report {0}, previous {1} -> {2}, abnormal {3}, revocation proposed {4}")
    @CsvSource(nullValues = "-", textBlock = """
            -,                   -,                   NOT_FILED,           true,  false
            -,                   QUALIFIED,           NOT_FILED,           true,  false
            -,                   NOT_FILED,           NOT_FILED,           true,  true
            -,                   UNQUALIFIED,         NOT_FILED,           true,  false
            -,                   EXEMPT,              NOT_FILED,           true,  false
            FILED,               NOT_FILED,           FILED,               false, false
            QUALIFIED,           NOT_FILED,           QUALIFIED,           false, false
            BASICALLY_QUALIFIED, UNQUALIFIED,         BASICALLY_QUALIFIED, false, false
            UNQUALIFIED,         UNQUALIFIED,         UNQUALIFIED,         false, true
            UNQUALIFIED,         QUALIFIED,           UNQUALIFIED,         false, false
            """)
    void decisions(String report, YearOutcome previous, YearOutcome outcome, boolean abnormal, boolean propose) {
        AnnualReport r = report == null ? null : report(report);
        SweepDecision d = sweep.decide(new InspectionSubject("ORG-1", LocalDate.of(2020, 1, 1)), 2024, r, previous);
        assertThat(d.outcome()).isEqualTo(outcome);
        assertThat(d.listAbnormal()).isEqualTo(abnormal);
        assertThat(d.proposeRevocation()).isEqualTo(propose);
    }

    @Property(tries = 300)
    void anExemptOrganizationIsNeverListedNorProposed(@ForAll @IntRange(min = 1, max = 184) int daysBeforeYearEnd,
                                                      @ForAll YearOutcome previous) {
        LocalDate registered = LocalDate.of(2024, 12, 31).minusDays(daysBeforeYearEnd - 1);
        SweepDecision d = sweep.decide(new InspectionSubject("ORG-1", registered), 2024, null, previous);
        assertThat(d.outcome()).isEqualTo(YearOutcome.EXEMPT);
        assertThat(d.listAbnormal()).isFalse();
        assertThat(d.proposeRevocation()).isFalse();
    }

    @Property(tries = 300)
    void revocationIsOnlyEverProposedForTwoBadYearsRunning(@ForAll YearOutcome previous, @ForAll boolean filed, @ForAll Grade grade) {
        AnnualReport r = filed ? report(grade.name()) : null;
        SweepDecision d = sweep.decide(new InspectionSubject("ORG-1", LocalDate.of(2020, 1, 1)), 2024, r, previous);
        if (d.proposeRevocation()) {
            assertThat(d.outcome()).isEqualTo(previous).isIn(YearOutcome.NOT_FILED, YearOutcome.UNQUALIFIED);
        }
    }

    private static AnnualReport report(String gradeOrFiled) {
        var filed = AnnualReport.file("ORG-1", "330100", OrganizationType.SOCIAL_GROUP, 2024, true, "按期换届", "开展活动12次",
                new Finances(100, 50, 50), null, LocalDate.of(2025, 4, 1)).next();
        if (gradeOrFiled.equals("FILED")) {
            return filed;
        }
        Grade g = Grade.valueOf(gradeOrFiled);
        return filed.grade(g, g.needsRectification() ? List.of("财务制度不健全") : List.of(), g.needsRectification() ? "限期整改" : null,
                LocalDate.of(2025, 9, 1), LocalDate.of(2025, 6, 1)).next();
    }
}
