package cn.minzheng.org.annualinspection;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.organization.OrganizationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AnnualReportTest {
    private static final LocalDate FILED_ON = LocalDate.of(2025, 4, 1);

    @ParameterizedTest(name = "{0} with audited report {1} -> problem {2}")
    @CsvSource(nullValues = "-", textBlock = """
            FOUNDATION,             审字2025-1, -
            FOUNDATION,             -,          AUDITED_REPORT_REQUIRED
            SOCIAL_GROUP,           -,          -
            PRIVATE_NON_ENTERPRISE, -,          -
            """)
    void foundationsAttachAnAuditedFinancialReport(OrganizationType type, String audited, String problem) {
        if (problem == null) {
            assertThat(file(type, audited).status()).isEqualTo(ReportStatus.FILED);
        } else {
            InvalidFields v = catchThrowableOfType(InvalidFields.class, () -> file(type, audited));
            assertThat(v.problems()).extracting(FieldProblem::code).containsExactly(problem);
        }
    }

    @ParameterizedTest(name = "{0} with findings={1}, order={2} -> ok {3}")
    @CsvSource(nullValues = "-", textBlock = """
            QUALIFIED,           false, -,        true
            BASICALLY_QUALIFIED, true,  限期整改, true
            BASICALLY_QUALIFIED, false, 限期整改, false
            UNQUALIFIED,         true,  -,        false
            UNQUALIFIED,         true,  限期整改, true
            """)
    void rectificationNeedsFindingsAndAnOrder(Grade grade, boolean findings, String order, boolean ok) {
        AnnualReport r = file(OrganizationType.SOCIAL_GROUP, null);
        Runnable grading = () -> r.grade(grade, findings ? List.of("未按期换届") : List.of(), order, LocalDate.of(2025, 9, 1),
                LocalDate.of(2025, 6, 1));
        if (ok) {
            grading.run();
        } else {
            assertThatThrownBy(grading::run).isInstanceOf(InvalidFields.class);
        }
    }

    @Test
    void gradedOnceAndTheCurrentYearCannotBeReported() {
        AnnualReport graded = file(OrganizationType.SOCIAL_GROUP, null)
                .grade(Grade.QUALIFIED, List.of(), null, null, LocalDate.of(2025, 6, 1)).next();
        assertThat(graded.rectificationOrder()).isNull();
        assertThatThrownBy(() -> graded.grade(Grade.UNQUALIFIED, List.of("x"), "y", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 6, 1)))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> AnnualReport.file("ORG-1", "330100", OrganizationType.SOCIAL_GROUP, 2025, true, "g", "a",
                new Finances(0, 0, 0), null, FILED_ON)).isInstanceOf(InvalidFields.class);
    }

    private static AnnualReport file(OrganizationType type, String audited) {
        return AnnualReport.file("ORG-1", "330100", type, 2024, true, "按期换届", "开展活动", new Finances(100, 10, 90), audited, FILED_ON).next();
    }

    /** Issue 16 item 3: a report only for a year the organization existed in. */
    @org.junit.jupiter.params.ParameterizedTest(name = "registered {0}, ended {1}: a {2} report -> {3}")
    @org.junit.jupiter.params.provider.CsvSource(nullValues = "-", textBlock = """
            2026-12-01, -,          2025, REPORT_YEAR_BEFORE_REGISTRATION
            2026-01-01, -,          2025, REPORT_YEAR_BEFORE_REGISTRATION
            2025-12-31, -,          2025, -
            2019-05-01, -,          2025, -
            2019-05-01, 2024-06-30, 2025, REPORT_YEAR_AFTER_END
            2019-05-01, 2024-06-30, 2024, -
            2019-05-01, 2025-01-01, 2025, -
            """)
    void aReportIsOnlyForAYearTheOrganizationExisted(java.time.LocalDate registeredOn, java.time.LocalDate endedOn, int year, String code) {
        if (code == null) {
            AnnualReport.requireExisted(year, registeredOn, endedOn);
            return;
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AnnualReport.requireExisted(year, registeredOn, endedOn))
                .isInstanceOfSatisfying(cn.minzheng.org.problems.RuleViolation.class, v -> {
                    org.assertj.core.api.Assertions.assertThat(v.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(v.problems()).singleElement().satisfies(f -> {
                        org.assertj.core.api.Assertions.assertThat(f.pointer()).isEqualTo("/year");
                        org.assertj.core.api.Assertions.assertThat(f.message()).contains(String.valueOf(year)).contains("请报送");
                    });
                });
    }
}
