package cn.minzheng.assistance.web;

import cn.minzheng.assistance.fixtures.Calendar2026;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision's due date travels on the event that sets it (auditors derive on-time rates from it):
 * {@code accepted} for 低保 (whole case, 30 working days [57]§22), {@code publicity-completed} for 特困
 * (the county's 15 working days [43]§17). Checked on the records the broker holds, against the schema.
 */
class DecisionDueEventTest extends ServiceTestBase {
    static final String CLERK = token("clerk-due", "CLERK", "421303001");
    static final Calendar2026 CALENDAR = new Calendar2026();

    /** n working days after {@code start}, counted on the test's own copy of the 2026 arrangement. */
    static LocalDate workingDaysAfter(LocalDate start, int n) {
        LocalDate d = start;
        while (n > 0) {
            d = d.plusDays(1);
            if (CALENDAR.isWorkingDay(d)) {
                n--;
            }
        }
        return d;
    }

    static EventEnvelope awaitEvent(String number, String type) {
        EventEnvelope[] found = new EventEnvelope[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> matching = eventsOf(number).stream().filter(e -> e.type().equals(type)).toList();
            assertThat(matching).hasSize(1);
            found[0] = matching.get(0);
        });
        return found[0];
    }

    @Test
    void theAcceptedEventCarriesTheWholeCaseDueDateAndFitsItsSchema() {
        Map<String, Object> c = submitted(token("citizen-due-1", "CITIZEN", "421303001"), Requests.dibao(301, "800.00"));
        String number = (String) c.get("number");
        c = post("/api/v1/assistance/applications/" + number + "/acceptance", CLERK, Map.of(), c.get("version"));

        EventEnvelope accepted = awaitEvent(number, "minzheng.assistance.application.accepted.v1");
        assertThat(EventSchemaValidator.shared().validate(accepted)).isEmpty();
        JsonNode data = accepted.data();
        LocalDate acceptedOn = LocalDate.parse(data.get("acceptedOn").asString());
        LocalDate due = workingDaysAfter(acceptedOn, 30);
        assertThat(data.get("dueDate").asString()).isEqualTo(due.toString());
        assertThat(data.get("dueBasis").asString()).isEqualTo("STATUTORY");
        assertThat(data.get("limitWorkingDays").asInt()).isEqualTo(30);
        assertThat(data.get("statutoryDueDate").asString()).isEqualTo(due.toString());
        assertThat(data.get("dueDateProvisional").asBoolean()).isEqualTo(due.getYear() > 2026);
        // the same date the clerks see on the case
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) c.get("deadlines");
        assertThat(deadlines).filteredOn(d -> "WHOLE_CASE".equals(d.get("step")))
                .extracting(d -> d.get("promisedDue")).containsExactly(due.toString());
    }

    @Test
    void aTekunCaseGetsItsDecisionDueDateWhenPublicityEnds() {
        Map<String, Object> body = Requests.with(Requests.dibao(302, null), "program", "TEKUN");
        Map<String, Object> c = awaitingDecision(submitted(token("citizen-due-2", "CITIZEN", "421303001"), body), CLERK, true);
        String number = (String) c.get("number");

        EventEnvelope accepted = awaitEvent(number, "minzheng.assistance.application.accepted.v1");
        assertThat(accepted.data().has("dueDate")).as("特困 has no whole-case limit").isFalse();
        assertThat(EventSchemaValidator.shared().validate(accepted)).isEmpty();
        EventEnvelope completed = awaitEvent(number, "minzheng.assistance.application.publicity-completed.v1");
        assertThat(EventSchemaValidator.shared().validate(completed)).isEmpty();
        LocalDate completedOn = LocalDate.parse(completed.data().get("completedOn").asString());
        assertThat(completed.data().get("dueDate").asString()).isEqualTo(workingDaysAfter(completedOn, 15).toString());
        assertThat(completed.data().get("limitWorkingDays").asInt()).isEqualTo(15);
        assertThat(completed.data().get("dueBasis").asString()).isEqualTo("STATUTORY");
    }
}
