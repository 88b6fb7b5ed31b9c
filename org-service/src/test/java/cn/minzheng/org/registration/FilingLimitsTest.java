package cn.minzheng.org.registration;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** #18 item 5: a late 变更 or 注销 is accepted and flagged — on the application, in its view and its applied event. */
class FilingLimitsTest {
    private static final FilingLimits LIMITS = FilingLimits.statutory();

    @ParameterizedTest(name = "consent {0}, filed {1}: late by {2}")
    @CsvSource(textBlock = """
            2026-03-01, 2026-03-01, 0
            2026-03-01, 2026-03-31, 0
            2026-03-01, 2026-04-01, 1
            2026-03-01, 2026-05-01, 31
            """)
    void aChangeIsDueWithinThirtyDaysOfTheSponsorsConsent(LocalDate consent, LocalDate filed, long daysLate) {
        ChangeRequest change = new ChangeRequest(null, "新住所", null, null, null, consent, Set.of());
        Transitioned<RegistrationApplication, DomainEvent> t = RegistrationApplication.changing("APP-1", "421303", "agent", "ORG-1",
                change, filed, LIMITS);
        assertThat(t.next().status()).as("accepted either way").isEqualTo(ApplicationStatus.APPLIED);
        if (daysLate == 0) {
            assertThat(t.next().lateFiling()).isNull();
            assertThat(t.event().changes()).doesNotContainKey("filedLate");
        } else {
            assertThat(t.next().lateFiling().lastDay()).isEqualTo(consent.plusDays(30));
            assertThat(t.next().lateFiling().daysLate()).isEqualTo(daysLate);
            assertThat(t.next().lateFiling().text()).contains("30日内", "逾期" + daysLate + "日");
            assertThat(t.event().changes()).containsEntry("filedLate", true).containsEntry("filingDaysLate", daysLate)
                    .containsEntry("filingLastDay", consent.plusDays(30).toString());
            assertThat(RegistrationViews.ApplicationView.of(t.next()).lateFiling()).isEqualTo(t.next().lateFiling());
        }
    }

    @ParameterizedTest(name = "liquidation ended {0}, filed {1}: late by {2}")
    @CsvSource(textBlock = """
            2026-03-01, 2026-03-16, 0
            2026-03-01, 2026-03-17, 1
            2025-12-31, 2026-03-01, 45
            """)
    void aDeregistrationIsDueWithinFifteenDaysAfterLiquidation(LocalDate liquidationEnded, LocalDate filed, long daysLate) {
        var t = RegistrationApplication.deregistering("APP-2", "421303", "agent", "ORG-1",
                new DeregistrationRequest(liquidationEnded, "章程规定的解散事由出现", Set.of()), filed, LIMITS);
        if (daysLate == 0) {
            assertThat(t.next().lateFiling()).isNull();
        } else {
            assertThat(t.next().lateFiling().daysLate()).isEqualTo(daysLate);
            assertThat(t.next().lateFiling().text()).contains("15日内");
            assertThat(t.event().changes()).containsEntry("filedLate", true);
            assertThat(t.event().attributes()).containsEntry("filedLate", true);
        }
    }

    @ParameterizedTest(name = "no consent date: never flagged")
    @CsvSource({"2026-03-01"})
    void withoutAConsentDateNothingIsFlagged(LocalDate filed) {
        ChangeRequest change = new ChangeRequest(null, "新住所", null, null, null, null, Set.of());
        assertThat(RegistrationApplication.changing("APP-3", "421303", "agent", "ORG-1", change, filed, LIMITS).next().lateFiling()).isNull();
    }
}
