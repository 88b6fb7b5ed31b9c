package cn.minzheng.org.creditlist;

import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditListEntryTest {
    private static final LocalDate LISTED = LocalDate.of(2025, 6, 10);
    private final CreditListPolicy policy = CreditListPolicy.defaults();

    private CreditListEntry entry(EntryGround ground) {
        return CreditListEntry.list("E-1", "ORG-1", "330100", ground, "facts", LISTED.minusDays(10), LISTED).next();
    }

    @Test
    void listingNeedsANoticeServedFirst() {
        assertThatThrownBy(() -> CreditListEntry.list("E", "ORG", "330100", EntryGround.LATE_ANNUAL_REPORT, "f", null, LISTED))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> CreditListEntry.list("E", "ORG", "330100", EntryGround.LATE_ANNUAL_REPORT, "f", LISTED.plusDays(1), LISTED))
                .isInstanceOf(RuleViolation.class);
        assertThat(entry(EntryGround.LATE_ANNUAL_REPORT).list()).isEqualTo(CreditList.ABNORMAL);
        assertThat(entry(EntryGround.LARGE_FINE).list()).isEqualTo(CreditList.SERIOUS);
    }

    @ParameterizedTest(name = "{0} on {1}: automatic removal {2}, on application allowed {3}")
    @CsvSource(textBlock = """
            WARNING_OR_SMALL_FINE, 2025-12-09, false, false
            WARNING_OR_SMALL_FINE, 2025-12-10, true,  false
            LATE_ANNUAL_REPORT,    2026-06-10, false, true
            UNREACHABLE,           2025-06-11, false, true
            """)
    void abnormalRemoval(EntryGround ground, LocalDate today, boolean automatic, boolean onApplication) {
        CreditListEntry e = entry(ground);
        var removal = e.removeWhenDue(today, policy);
        assertThat(removal.isPresent()).isEqualTo(automatic);
        removal.ifPresent(t -> {
            assertThat(t.event().name()).isEqualTo("removed");
            assertThat(t.event().attributes()).containsEntry("removal", "PERIOD_ENDED").containsEntry("list", "ABNORMAL");
        });
        if (onApplication) {
            assertThat(e.removeOnApplication(today, policy).next().status()).isEqualTo(EntryStatus.REMOVED);
        } else {
            assertThatThrownBy(() -> e.removeOnApplication(today, policy)).isInstanceOf(RuleViolation.class);
        }
    }

    @ParameterizedTest(name = "失信 listed 2025-06-10, new ground {0}, removal applied {1} -> allowed {2}")
    @CsvSource(nullValues = "-", textBlock = """
            -,          2027-06-09, false
            -,          2027-06-10, true
            2026-01-01, 2027-06-10, false
            2026-01-01, 2028-01-01, true
            """)
    void seriousNeedsTwoYearsWithoutANewGround(LocalDate newGround, LocalDate applied, boolean allowed) {
        CreditListEntry e = entry(EntryGround.LARGE_FINE);
        CreditListEntry current = newGround == null ? e : e.newGround(EntryGround.REPEATED_PENALTIES, newGround, policy).next();
        assertThat(current.removeWhenDue(applied, policy).isPresent()).isEqualTo(allowed);
        if (allowed) {
            assertThat(current.removeOnApplication(applied, policy).event().attributes())
                    .containsEntry("removal", "ON_APPLICATION").containsEntry("list", "SERIOUS");
        } else {
            assertThatThrownBy(() -> current.removeOnApplication(applied, policy)).isInstanceOf(RuleViolation.class);
        }
    }

    @ParameterizedTest
    @CsvSource({"2027-06-09, false", "2027-06-10, true"})
    void twoYearsOnTheAbnormalListEscalate(LocalDate today, boolean due) {
        assertThat(entry(EntryGround.LATE_ANNUAL_REPORT).escalationDue(today, policy)).isEqualTo(due);
        if (due) {
            assertThat(entry(EntryGround.LATE_ANNUAL_REPORT).escalate(today, policy).next().status()).isEqualTo(EntryStatus.REMOVED);
        } else {
            assertThatThrownBy(() -> entry(EntryGround.LATE_ANNUAL_REPORT).escalate(today, policy)).isInstanceOf(IllegalTransition.class);
        }
    }

    @ParameterizedTest(name = "{0}: apply on {1} -> applied {2}")
    @CsvSource(textBlock = """
            LATE_ANNUAL_REPORT,    2025-06-11, true
            WARNING_OR_SMALL_FINE, 2025-06-11, false
            LARGE_FINE,            2027-06-09, false
            LARGE_FINE,            2027-06-10, true
            """)
    void removalIsAppliedForThenVerified(EntryGround ground, LocalDate on, boolean applied) {
        CreditListEntry e = entry(ground);
        assertThatThrownBy(() -> e.verifyRemoval(on, policy)).isInstanceOf(cn.minzheng.org.problems.ClosedGate.class);
        if (applied) {
            var t = e.applyForRemoval(on, policy);
            assertThat(t.event().name()).isEqualTo("removal-applied");
            assertThat(t.event().attributes()).containsEntry("appliedOn", on.toString()).containsEntry("organizationId", "ORG-1");
            CreditListEntry a = t.next();
            assertThat(a.removalAppliedOn()).isEqualTo(on);
            assertThat(a.verifyRemoval(on.plusDays(3), policy).next().removedOn()).isEqualTo(on.plusDays(3));
        } else {
            assertThatThrownBy(() -> e.applyForRemoval(on, policy)).isInstanceOf(RuleViolation.class);
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyChange() {
        CreditListPolicy policy = CreditListPolicy.defaults();
        CreditListEntry late = CreditListEntry.list("E-1", "ORG-1", "330100", EntryGround.LATE_ANNUAL_REPORT, "f", LISTED, LISTED).next();
        CreditListEntry fined = CreditListEntry.list("E-2", "ORG-1", "330100", EntryGround.LARGE_FINE, "f", LISTED, LISTED).next();
        CreditListEntry warned = CreditListEntry.list("E-3", "ORG-1", "330100", EntryGround.WARNING_OR_SMALL_FINE, "f", LISTED, LISTED).next();
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("listed", CreditListEntry.list("E-1", "ORG-1", "330100",
                        EntryGround.LATE_ANNUAL_REPORT, "f", LISTED, LISTED)),
                org.junit.jupiter.params.provider.Arguments.of("removal-applied", late.applyForRemoval(LISTED.plusDays(3), policy)),
                org.junit.jupiter.params.provider.Arguments.of("removed", late.applyForRemoval(LISTED.plusDays(3), policy).next()
                        .verifyRemoval(LISTED.plusDays(5), policy)),
                org.junit.jupiter.params.provider.Arguments.of("removed", warned.removeWhenDue(LISTED.plusMonths(6), policy).orElseThrow()),
                org.junit.jupiter.params.provider.Arguments.of("removed", late.escalate(LISTED.plusYears(2), policy)),
                org.junit.jupiter.params.provider.Arguments.of("period-restarted", fined.newGround(EntryGround.REPEATED_PENALTIES,
                        LISTED.plusMonths(8), policy)));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("everyChange")
    void everyEntryChangeHasItsOwnValidEvent(String name, Transitioned<CreditListEntry, DomainEvent> t) {
        assertThat(t.event().name()).isEqualTo(name);
        var envelope = new cn.minzheng.org.events.OrgEventFactory(java.time.Clock.systemUTC()).envelope(
                cn.minzheng.org.events.OrgEventTypes.of("credit-list-entry", name), "credit-list-entry", t.next().id(), t.next().id(),
                "330100", t.next().version(), t.event(), cn.minzheng.org.events.Actor.system(), null);
        assertThat(cn.minzheng.platform.events.EventTypes.isKnown(envelope.type())).isTrue();
        cn.minzheng.platform.events.EventSchemaValidator.shared().assertValid(envelope);
        assertThat(envelope.key()).isEqualTo(t.next().id());
    }

    @Test
    void anEscalationNamesTheEntryThatContinuesItAndANewGroundRestartsThePeriod() {
        var escalated = entry(EntryGround.LATE_ANNUAL_REPORT).escalate(LISTED.plusYears(2), policy);
        assertThat(escalated.event().attributes()).containsEntry("removal", "ESCALATED").containsEntry("escalatedTo", "ESC-E-1");
        var restarted = entry(EntryGround.LARGE_FINE).newGround(EntryGround.REPEATED_PENALTIES, LISTED.plusMonths(8), policy);
        assertThat(restarted.next().lastGroundOn()).isEqualTo(LISTED.plusMonths(8));
        assertThat(restarted.event().attributes()).containsEntry("removableFrom", LISTED.plusMonths(8).plusYears(2).toString())
                .containsEntry("ground", "REPEATED_PENALTIES");
        assertThatThrownBy(() -> entry(EntryGround.LATE_ANNUAL_REPORT).newGround(EntryGround.OTHER_ABNORMAL, LISTED, policy))
                .isInstanceOf(IllegalTransition.class);
    }
}
