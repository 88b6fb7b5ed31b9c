package cn.minzheng.audit.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.events.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which events move the handling clock, and what each one sets. */
class HandlingFactsTest {

    static final String T = "2026-03-02T09:00:00+08:00";

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            minzheng.assistance.application.submitted.v1,               APPLICATION
            minzheng.org.organization.registration-applied.v1,          APPLICATION
            minzheng.assistance.application.accepted.v1,                ACCEPTED
            minzheng.org.organization.registration-accepted.v1,         ACCEPTED
            minzheng.assistance.application.approved.v1,                DECIDED
            minzheng.assistance.application.denied.v1,                  DECIDED
            minzheng.assistance.application.emergency-paid.v1,          DECIDED
            minzheng.org.organization.registration-approved.v1,         DECIDED
            minzheng.org.organization.registration-refused.v1,          DECIDED
            minzheng.assistance.application.publicity-completed.v1,     DUE_SET
            minzheng.assistance.application.withdrawn.v1,               WITHDRAWN
            minzheng.org.organization.application-withdrawn.v1,         WITHDRAWN
            minzheng.assistance.application.not-accepted.v1,            -
            minzheng.assistance.application.terminated.v1,              -
            minzheng.assistance.application.rechecked.v1,               -
            minzheng.org.organization.change-approved.v1,               -
            minzheng.org.organization.change-refused.v1,                -
            minzheng.org.enforcement-case.decision-issued.v1,           -
            minzheng.audit.timeline.read.v1,                            -
            minzheng.someone.new.thing.v1,                              -
            """)
    void kindOfEachType(String type, HandlingFacts.Kind kind) {
        assertThat(HandlingFacts.KINDS.get(type)).isEqualTo(kind);
        assertThat(HandlingFacts.of(type, "DB-1", "assistance", "421303", T, "e-1", Map.of("program", "TEKUN")).isPresent())
                .isEqualTo(kind != null);
    }

    @Test
    void everyTypeNamedIsInTheCatalogue() {
        assertThat(HandlingFacts.KINDS.keySet()).allSatisfy(t -> assertThat(EventTypes.find(t)).isPresent());
    }

    @Test
    void anAcceptanceCarriesItsDueDateAsItCame() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aggregateId", "DB-1");
        data.put("dueDate", "2026-04-14");
        data.put("dueBasis", "PROMISED");
        data.put("limitWorkingDays", 10L);
        data.put("statutoryDueDate", "2026-05-29");
        Map<String, Object> set = HandlingFacts.of(EventTypes.APPLICATION_ACCEPTED, "DB-1", "assistance", "421303001",
                T, "e-1", data).orElseThrow();
        assertThat(set).containsEntry("dueDate", "2026-04-14").containsEntry("dueBasis", "PROMISED")
                .containsEntry("limitWorkingDays", 10L).containsEntry("statutoryDueDate", "2026-05-29")
                .containsEntry("regionCode", "421303001").containsEntry("acceptedAt", T)
                .containsEntry("acceptedMs", 1772413200000L).containsEntry("acceptedEventId", "e-1");
    }

    @Test
    void anAcceptanceWithoutDueDateSetsNoDueFields() {
        Map<String, Object> set = HandlingFacts.of(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED, "ORG-1", "org", "421303",
                T, "e-1", Map.of("aggregateId", "ORG-1", "dueDate", 20260414L)).orElseThrow();
        assertThat(set).containsEntry("dueDate", 20260414L).doesNotContainKey("dueBasis");
        assertThat(HandlingFacts.of(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED, "ORG-1", "org", "421303", T, "e-1",
                Map.of("dueDate", Map.of("nested", true))).orElseThrow()).doesNotContainKey("dueDate");
    }

    /** 特困: accepted without a due date; 公示's end sets it. Applied in either order, the case gets it. */
    @Test
    void aDueDateSetAtTheEndOfPublicityIsKeptWhateverTheOrder() {
        Map<String, Object> accepted = HandlingFacts.of(EventTypes.APPLICATION_ACCEPTED, "TK-1", "assistance", "421303001",
                T, "e-1", Map.of("aggregateId", "TK-1")).orElseThrow();
        Map<String, Object> due = HandlingFacts.of(EventTypes.APPLICATION_PUBLICITY_COMPLETED, "TK-1", "assistance",
                "421303001", T, "e-2", Map.of("aggregateId", "TK-1", "dueDate", "2026-05-06", "dueBasis", "STATUTORY",
                        "limitWorkingDays", 15)).orElseThrow();
        Map<String, Object> one = new LinkedHashMap<>(accepted);
        one.putAll(due);
        Map<String, Object> other = new LinkedHashMap<>(due);
        other.putAll(accepted);
        assertThat(one).isEqualTo(other).containsEntry("dueDate", "2026-05-06").containsEntry("acceptedEventId", "e-1");
        assertThat(HandlingFacts.of(EventTypes.APPLICATION_PUBLICITY_COMPLETED, "DB-2", "assistance", "421303001", T, "e-3",
                Map.of("aggregateId", "DB-2")).orElseThrow()).doesNotContainKey("dueDate");
    }

    @Test
    void programAndOrganizationTypeComeFromTheApplication() {
        assertThat(HandlingFacts.of(EventTypes.APPLICATION_SUBMITTED, "DB-1", "assistance", "421303", T, "e",
                Map.of("program", "DIBAO_RURAL")).orElseThrow()).containsEntry("program", "DIBAO_RURAL");
        assertThat(HandlingFacts.of(EventTypes.ORGANIZATION_REGISTRATION_APPLIED, "ORG-1", "org", "421303", T, "e",
                Map.of("orgType", "FOUNDATION")).orElseThrow()).containsEntry("program", "FOUNDATION");
        assertThat(HandlingFacts.of(EventTypes.APPLICATION_SUBMITTED, "DB-1", "assistance", "421303", T, "e",
                Map.of("program", 7)).orElseThrow()).doesNotContainKey("program");
    }

    @Test
    void aDecisionNamesItselfAndItsTime() {
        assertThat(HandlingFacts.of(EventTypes.APPLICATION_DENIED, "DB-1", "assistance", "421303", T, "e", Map.of())
                .orElseThrow()).containsEntry("decision", "denied").containsEntry("decidedAt", T)
                .containsEntry("decidedMs", 1772413200000L);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", textBlock = """
            -,    2026-03-02T09:00:00+08:00
            '',   2026-03-02T09:00:00+08:00
            DB-1, -
            DB-1, yesterday
            DB-1, 2026-03-02
            """)
    void noSubjectOrNoReadableTimeSetsNothing(String subject, String time) {
        assertThat(HandlingFacts.of(EventTypes.APPLICATION_APPROVED, subject, "assistance", "421303", time, "e", Map.of()))
                .isEqualTo(Optional.empty());
    }
}
