package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.application.EconomicCheck;
import cn.minzheng.assistance.application.HomeVisit;
import cn.minzheng.assistance.application.IllegalTransitionException;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.fixtures.Schedules;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 临时救助 is a one-off: approval closes the case (ONE_OFF_AWARDED, no re-check), and the county's
 * payment roll pays it once, as a ONE_OFF line of the decided amount, in the first batch drawn in or
 * after the approval month; never again in a later batch; never for a case paid first (先行救助, cash).
 */
class OneOffPaymentTest {
    static final Actor CITIZEN = new Actor("citizen-1", "张三", Role.CITIZEN, "421303001001");
    static final Actor CLERK = new Actor("clerk-1", "刘办", Role.CLERK, "421303001");
    static final Actor APPROVER = new Actor("approver-1", "陈审", Role.APPROVER, "421303");
    static final CaseRules RULES = CaseRules.national();
    final DeadlinePlanner planner = Schedules.planner();
    final EligibilityCalculator calculator = new EligibilityCalculator(new StandardCatalogue(List.of(
            new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed"))),
            EligibilityPolicy.typical());

    static Instant on(String date) {
        return ZonedDateTime.of(LocalDate.parse(date).atTime(10, 0), AssistanceCase.CHINA).toInstant();
    }

    /** A 临时救助 case asking 1,500 元, taken to the given state (approval on {@code approvedOn}). */
    AssistanceCase temporary(String number, String state, String approvedOn) {
        AssistanceCase c = AssistanceCase.submit(number, Households.urgentTemporary(1500), CITIZEN, on("2026-09-02"));
        switch (state) {
            case "PAID_FIRST":
                return c.payFirst(CLERK, on("2026-09-02"), 150000, "火灾, 先行救助");
            case "RECORD_COMPLETED":
                return c.payFirst(CLERK, on("2026-09-02"), 150000, "火灾, 先行救助")
                        .completeRecord(CLERK, on("2026-09-10"), "经办: 刘办; 原因: 火灾; 金额 1500.00; 签字: 刘办 陈审");
            case "SUBMITTED":
                return c;
            default:
                break;
        }
        c = c.accept(CLERK, on("2026-09-03"), planner)
                .recordHomeVisit(CLERK, on("2026-09-04"), new HomeVisit(LocalDate.of(2026, 9, 4),
                        List.of("a", "b"), "房屋失火", List.of(), "clerk-1"), RULES)
                .recordEconomicCheck(CLERK, on("2026-09-04"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "ok", true, false, on("2026-09-04"), "clerk-1"))
                .giveOpinion(CLERK, on("2026-09-07"), true, "符合临时救助条件")
                .startPublicity(CLERK, on("2026-09-07"), RULES)
                .completePublicity(CLERK, on("2026-09-14"), planner);
        if (state.equals("AWAITING_DECISION")) {
            return c;
        }
        LocalDate day = LocalDate.parse(approvedOn);
        Calculation calc = calculator.calculate(c.submission(), YearMonth.from(day), day, false);
        return c.approve(APPROVER, on(approvedOn), calc, false, RULES, planner);
    }

    @Test
    void approvalClosesTheCaseAsAOneOffAwardWithoutARecheck() {
        AssistanceCase c = temporary("421303001001-20260902-0101", "APPROVED", "2026-10-20");
        assertThat(c.status()).isEqualTo(ApplicationStatus.ONE_OFF_AWARDED);
        assertThat(c.status().terminal()).isTrue();
        assertThat(c.benefit().monthlyFen()).isEqualTo(150000);
        assertThat(c.benefit().firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.benefit().nextRecheckDue()).isNull();
        assertThat(c.deadlines()).noneMatch(d -> d.open());
        var event = c.pendingEvents().get(c.pendingEvents().size() - 1);
        assertThat(event.name()).isEqualTo("approved");
        assertThat(event.toStatus()).isEqualTo(ApplicationStatus.ONE_OFF_AWARDED);
        assertThat(event.changes()).containsEntry("oneOff", true).containsEntry("oneOffAmountFen", 150000L)
                .containsEntry("payableFrom", "2026-10").doesNotContainKey("firstMonth");
        assertThatThrownBy(() -> c.startRecheck(CLERK, on("2027-10-20"), "年度复核"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.terminate(APPROVER, on("2026-11-20"), "x"))
                .isInstanceOf(IllegalTransitionException.class);
    }

    /**
     * The case in {@code state}, then batches drawn in order for {@code months}; {@code expected} is
     * the month of the batch holding the case's one ONE_OFF line, or "none".
     */
    @ParameterizedTest(name = "{0} approved {1}, batches {2} → one-off in {3}")
    @CsvSource({
            // approved in October: the October batch pays it, later batches never again
            "APPROVED,          2026-10-20, 2026-10 2026-11 2026-12, 2026-10",
            // October's batch drawn before the approval (the case was not yet approved then): November pays it
            "APPROVED,          2026-10-20, 2026-11 2026-12,         2026-11",
            // a batch of a month before the approval pays nothing; the approval month's batch does
            "APPROVED,          2026-11-05, 2026-10 2026-11 2026-12, 2026-11",
            // 先行救助 paid in cash: never on the roll, before or after the record is completed
            "PAID_FIRST,        ,           2026-09 2026-10 2026-11, none",
            "RECORD_COMPLETED,  ,           2026-09 2026-10 2026-11, none",
            // not decided yet: nothing
            "AWAITING_DECISION, ,           2026-09 2026-10,         none",
            "SUBMITTED,         ,           2026-09 2026-10,         none",
    })
    void theRollPaysAnApprovedTemporaryCaseOnceAndNeverACasePaidFirst(String state, String approvedOn, String months,
                                                                       String expected) {
        AssistanceCase c = temporary("421303001001-20260902-0102", state, approvedOn);
        Entitlement e = Entitlements.of(c);
        assertThat(e.oneOff()).isTrue();
        List<PaymentLine> all = new ArrayList<>();
        Map<YearMonth, List<PaymentLine>> byBatch = new LinkedHashMap<>();
        for (YearMonth month : Arrays.stream(months.trim().split("\\s+")).map(YearMonth::parse).toList()) {
            List<PaymentLine> earlier = all.stream().toList();
            List<PaymentLine> lines = PaymentRoll.draw(month, List.of(e), PaymentRoll.drawn(earlier));
            // re-drawing a month with the same earlier batches gives the same lines
            assertThat(PaymentRoll.draw(month, List.of(e), PaymentRoll.drawn(earlier))).isEqualTo(lines);
            byBatch.put(month, lines);
            all.addAll(lines);
        }
        if (expected.equals("none")) {
            assertThat(all).isEmpty();
            return;
        }
        assertThat(all).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.ONE_OFF);
            assertThat(l.kind().chinese()).isEqualTo("一次性发放");
            assertThat(l.amountFen()).isEqualTo(150000);
            assertThat(l.forMonth()).isEqualTo(YearMonth.parse(expected));
            assertThat(l.program()).isEqualTo("TEMPORARY");
        });
        assertThat(byBatch.get(YearMonth.parse(expected))).hasSize(1);
        assertThat(Totals.of(all).adjustmentCount()).isZero();
    }

    /** A one-off award beside a monthly case: the monthly one keeps its REGULAR line, the award its ONE_OFF line. */
    @ParameterizedTest(name = "one-off drawn before: {0} → kinds {1}")
    @CsvSource({"false, REGULAR ONE_OFF", "true, REGULAR"})
    void aOneOffLineStandsBesideTheMonthlyLines(boolean drawnBefore, String kinds) {
        YearMonth nov = YearMonth.of(2026, 11);
        Entitlement monthly = new Entitlement("C1", "DIBAO_URBAN", "421303001001", "李四", "11010519491231002X", 2, true,
                m -> 60000L);
        Entitlement oneOff = new Entitlement("C2", "TEMPORARY", "421303001001", "王五", "11010519491231002X", 3, true,
                m -> m.isBefore(YearMonth.of(2026, 10)) ? 0L : 150000L, true);
        Map<String, Map<YearMonth, Long>> before = drawnBefore
                ? Map.of("C1", Map.of(YearMonth.of(2026, 10), 60000L), "C2", Map.of(YearMonth.of(2026, 10), 150000L))
                : Map.of("C1", Map.of(YearMonth.of(2026, 10), 60000L));
        List<PaymentLine> lines = PaymentRoll.draw(nov, List.of(monthly, oneOff), before);
        assertThat(lines).extracting(l -> l.kind().name()).containsExactly(kinds.split(" "));
    }
}
