package cn.minzheng.systemtests.scenarios;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.platform.codes.calendar.DueDate;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 2: a refused case carries the written reason the citizen reads, and every due date the
 * service shows is the working-day computation of platform-codes' {@link WorkingDayCalendar} (the
 * 国务院办公厅 holiday notices, 调休 included) from the date the service reports — the devstack's
 * clock is real time, so the dates are checked against the calendar rather than fixed.
 */
@Tag("scenario")
@Order(4)
class RefusalScenarioTest {

    /** Statutory working days per step of 低保 (assistance-service application.yml, [57]§15,20,21,22). */
    static final Map<String, Integer> STATUTORY = Map.of("START_INVESTIGATION", 3, "COUNTY_DECISION", 10,
            "REFUSAL_NOTICE", 3, "WHOLE_CASE", 30);
    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    static Cases cases;
    static Tokens tokens;
    static String run;

    @BeforeAll
    static void platform() {
        Platform platform = Platform.get();
        cases = new Cases(Gateway.of(platform));
        tokens = new Tokens(platform);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void aNonAcceptedCaseTellsTheCitizenWhyInWriting() {
        String citizen = tokens.of("refusal-citizen-" + run, "CITIZEN", Households.TOWNSHIP);
        String clerk = tokens.of("refusal-clerk-" + run, "CLERK", Households.TOWNSHIP);
        String number = cases.submit(citizen, Households.dibao("2500.00"));
        Answer refused = cases.command(number, "non-acceptance", clerk, Map.of("reason", "申请人户籍不在本辖区"));
        assertThat(refused.text("status")).isEqualTo("NOT_ACCEPTED");

        Answer seen = cases.read(number, citizen);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("status")).isEqualTo("NOT_ACCEPTED");
        assertThat(seen.json().path("history").toString()).as("the reason the citizen reads").contains("申请人户籍不在本辖区");
        // a refusal without a reason is not possible
        String other = cases.submit(tokens.of("refusal-citizen-2-" + run, "CITIZEN", Households.TOWNSHIP),
                Households.dibao("2500.00"));
        Answer bare = cases.tryCommand(other, "non-acceptance", clerk, Map.of());
        assertThat(bare.status()).as(bare.toString()).isBetween(400, 422);
        assertThat(bare.isProblem()).isTrue();
        assertDueDatesFollowTheCalendar(seen);
    }

    @Test
    @Order(2)
    void theDueDatesOfAnAcceptedCaseAreWorkingDaysOnTheOfficialCalendar() {
        String citizen = tokens.of("refusal-citizen-3-" + run, "CITIZEN", Households.TOWNSHIP);
        String clerk = tokens.of("refusal-clerk-" + run, "CLERK", Households.TOWNSHIP);
        String number = cases.submit(citizen, Households.dibao("800.00"));
        cases.command(number, "acceptance", clerk, Map.of());
        Answer seen = cases.read(number, citizen);
        List<String> steps = assertDueDatesFollowTheCalendar(seen);
        assertThat(steps).contains("START_INVESTIGATION", "WHOLE_CASE");
    }

    /** Every deadline's statutory due date is start + N working days on the official calendar. */
    static List<String> assertDueDatesFollowTheCalendar(Answer view) {
        JsonNode deadlines = view.json().path("deadlines");
        assertThat(deadlines.isArray()).as(view.toString()).isTrue();
        List<String> steps = new java.util.ArrayList<>();
        for (JsonNode d : deadlines) {
            String step = d.path("step").asString();
            steps.add(step);
            Integer days = STATUTORY.get(step);
            assertThat(days).as("a known 低保 step: " + d).isNotNull();
            LocalDate start = LocalDate.parse(d.path("startedOn").asString());
            DueDate expected = CALENDAR.addWorkingDays(start, days);
            assertThat(LocalDate.parse(d.path("statutoryDue").asString())).as(step + " from " + start)
                    .isEqualTo(expected.date());
            assertThat(d.path("provisional").asBoolean()).as(step + " provisional (calendar data ends)")
                    .isEqualTo(expected.provisional());
            LocalDate promised = LocalDate.parse(d.path("promisedDue").asString());
            assertThat(promised).isBeforeOrEqualTo(expected.date());
            assertThat(CALENDAR.isWorkingDay(expected.date()) || expected.provisional()).isTrue();
        }
        return steps;
    }
}
