package cn.minzheng.org.annualinspection;

import cn.minzheng.org.organization.OrganizationType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** #18 item 3: each type's report deadline, and a sweep that decides about a type only after its own. */
class InspectionPolicyTest {
    private final InspectionPolicy national = InspectionPolicy.defaults();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(textBlock = """
            FOUNDATION,             2025, 2026-03-31
            SOCIAL_GROUP,           2025, 2026-05-31
            PRIVATE_NON_ENTERPRISE, 2025, 2026-05-31
            FOUNDATION,             2027, 2028-03-31
            """)
    void eachTypeHasItsDeadlineInTheFollowingYear(OrganizationType type, int year, LocalDate deadline) {
        assertThat(national.deadlineFor(type, year)).isEqualTo(deadline);
        assertThat(national.deadlinesFor(year)).containsEntry(type, deadline).hasSize(OrganizationType.values().length);
    }

    @ParameterizedTest(name = "one deadline {0}: every type {0}")
    @CsvSource({"05-31", "06-30"})
    void aTypeWithoutItsOwnDeadlineHasTheCommonOne(String monthDay) {
        InspectionPolicy one = new InspectionPolicy(MonthDay.parse("--" + monthDay), 6);
        for (OrganizationType t : OrganizationType.values()) {
            assertThat(one.deadlineFor(t, 2025)).isEqualTo(LocalDate.parse("2026-" + monthDay));
        }
        assertThat(one.deadlineFor(2025)).isEqualTo(LocalDate.parse("2026-" + monthDay));
    }

    @ParameterizedTest(name = "{0} on {1}: due {2}")
    @CsvSource(textBlock = """
            FOUNDATION,             2026-03-31, false
            FOUNDATION,             2026-04-01, true
            SOCIAL_GROUP,           2026-04-01, false
            SOCIAL_GROUP,           2026-05-31, false
            SOCIAL_GROUP,           2026-06-01, true
            PRIVATE_NON_ENTERPRISE, 2026-06-01, true
            """)
    void theSweepMayStartAfterTheEarliestDeadlineAndDecidesAboutATypeAfterItsOwn(OrganizationType type, LocalDate today, boolean due) {
        InspectionCampaign campaign = InspectionCampaign.open("421303", 2025, national, LocalDate.of(2026, 1, 5)).next();
        assertThat(campaign.deadline()).as("the sweep may start after").isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(campaign.deadlines()).containsEntry(OrganizationType.FOUNDATION, LocalDate.of(2026, 3, 31))
                .containsEntry(OrganizationType.SOCIAL_GROUP, LocalDate.of(2026, 5, 31));
        assertThat(campaign.due(type, today)).isEqualTo(due);
    }

    @ParameterizedTest(name = "an old campaign with one deadline: {0} due on 2026-06-01")
    @CsvSource({"FOUNDATION", "SOCIAL_GROUP"})
    void aCampaignOpenedBeforeTypesHadTheirOwnDeadlineKeepsItsOne(OrganizationType type) {
        InspectionCampaign old = new InspectionCampaign("421303-2025", "421303", 2025, LocalDate.of(2026, 5, 31), null,
                CampaignStatus.OPEN, LocalDate.of(2026, 1, 5), SweepProgress.none(), 1);
        assertThat(old.deadlines()).isEqualTo(Map.of());
        assertThat(old.due(type, LocalDate.of(2026, 5, 31))).isFalse();
        assertThat(old.due(type, LocalDate.of(2026, 6, 1))).isTrue();
    }

    /** Issue 16 item 3: a campaign opened after a type's deadline is allowed, with a warning naming the types and days. */
    @ParameterizedTest(name = "opened {0}: warning {1}")
    @CsvSource(textBlock = """
            2026-01-05, '',                    ''
            2026-03-31, '',                    ''
            2026-04-01, OPENED_AFTER_DEADLINE, 基金会截止于2026-03-31
            2026-05-31, OPENED_AFTER_DEADLINE, 基金会截止于2026-03-31
            2026-06-01, OPENED_AFTER_DEADLINE, 社会团体截止于2026-05-31
            """)
    void aCampaignOpenedAfterADeadlineIsRecordedWithAWarning(LocalDate on, String code, String names) {
        var opened = InspectionCampaign.open("421303", 2025, national, on);
        InspectionCampaign campaign = opened.next();
        if (code.isEmpty()) {
            assertThat(campaign.warnings()).isEmpty();
            assertThat(opened.event().attributes()).doesNotContainKey("warnings");
            return;
        }
        assertThat(campaign.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo(code);
            assertThat(w.message()).contains(names).contains("开启").doesNotContainPattern("[A-Za-z]{2,}");
        });
        assertThat(opened.event().attributes()).containsKey("warnings");
        assertThat(campaign.startSweep(on.plusDays(1)).warnings()).as("kept through the sweep").isEqualTo(campaign.warnings());
        assertThat(campaign.status()).isEqualTo(CampaignStatus.OPEN);
    }
}
