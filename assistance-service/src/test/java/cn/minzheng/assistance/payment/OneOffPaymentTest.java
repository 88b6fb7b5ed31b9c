package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.fixtures.CaseFixture;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.domain.Transitioned;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.minzheng.assistance.fixtures.CaseFixture.APPROVER;
import static cn.minzheng.assistance.fixtures.CaseFixture.CITIZEN;
import static cn.minzheng.assistance.fixtures.CaseFixture.CLERK;
import static cn.minzheng.assistance.fixtures.CaseFixture.RULES;
import static cn.minzheng.assistance.fixtures.CaseFixture.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 临时救助 is a one-off: approval closes the case (ONE_OFF_AWARDED, no re-check), and the county's
 * payment roll pays it once, as a ONE_OFF line of the decided amount, in the first batch drawn in or
 * after the approval month; never again in a later batch; never for a case paid first (先行救助, cash).
 */
class OneOffPaymentTest {
    final CaseFixture fixture = new CaseFixture();
    final DeadlinePlanner planner = fixture.planner;
    final EligibilityCalculator calculator = fixture.calculator;

    /** A 临时救助 case asking 1,500 元, taken to the given state (approval on {@code approvedOn}). */
    AssistanceCase temporary(String number, String state, String approvedOn) {
        AssistanceCase c = AssistanceCase.submit(number, Households.urgentTemporary(1500), CITIZEN, on("2026-09-02")).next();
        switch (state) {
            case "PAID_FIRST":
                return c.payFirst(CLERK, on("2026-09-02"), 150000, "火灾, 先行救助").next();
            case "RECORD_COMPLETED":
                return c.payFirst(CLERK, on("2026-09-02"), 150000, "火灾, 先行救助").next()
                        .completeRecord(CLERK, on("2026-09-10"), "经办: 刘办; 原因: 火灾; 金额 1500.00; 签字: 刘办 陈审").next();
            case "SUBMITTED":
                return c;
            default:
                break;
        }
        c = fixture.awaitingDecision(c, "2026-09-03", "2026-09-04", "房屋失火", "2026-09-07", "符合临时救助条件",
                "2026-09-14");
        return state.equals("AWAITING_DECISION") ? c : approval(c, approvedOn).next();
    }

    /** The county's approval of {@code c} on {@code approvedOn}, with the calculation of that month. */
    Transitioned<AssistanceCase, DomainEvent> approval(AssistanceCase c, String approvedOn) {
        LocalDate day = LocalDate.parse(approvedOn);
        Calculation calc = calculator.calculate(c.submission(), YearMonth.from(day), day, false);
        return c.approve(APPROVER, on(approvedOn), calc, false, RULES, planner);
    }

    @Test
    void approvalClosesTheCaseAsAOneOffAwardWithoutARecheck() {
        var approval = approval(temporary("421303001001-20260902-0101", "AWAITING_DECISION", null), "2026-10-20");
        AssistanceCase c = approval.next();
        assertThat(c.status()).isEqualTo(ApplicationStatus.ONE_OFF_AWARDED);
        assertThat(c.status().terminal()).isTrue();
        assertThat(c.benefit().monthlyFen()).isEqualTo(150000);
        assertThat(c.benefit().firstMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(c.benefit().nextRecheckDue()).isNull();
        assertThat(c.deadlines()).noneMatch(d -> d.open());
        DomainEvent event = approval.event();
        assertThat(event.name()).isEqualTo("approved");
        assertThat(event.toStatus()).isEqualTo(ApplicationStatus.ONE_OFF_AWARDED);
        assertThat(event.changes()).containsEntry("oneOff", true).containsEntry("oneOffAmountFen", 150000L)
                .containsEntry("payableFrom", "2026-10").doesNotContainKey("firstMonth");
        assertThatThrownBy(() -> c.startRecheck(CLERK, on("2027-10-20"), "年度复核"))
                .isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.terminate(APPROVER, on("2026-11-20"), "x"))
                .isInstanceOf(IllegalTransition.class);
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
