package cn.minzheng.assistance.notice;

import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.application.EconomicCheck;
import cn.minzheng.assistance.application.HomeVisit;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.CalculationLine;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.household.IncomeTreatment;
import cn.minzheng.assistance.eligibility.Outcome;
import cn.minzheng.assistance.fixtures.Households;
import cn.minzheng.assistance.fixtures.Schedules;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import static cn.minzheng.assistance.fixtures.Households.family;
import static cn.minzheng.assistance.fixtures.Households.income;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionNoticeTest {
    static final Actor CITIZEN = new Actor("citizen-1", "张三", Role.CITIZEN, "421303001001");
    static final Actor CLERK = new Actor("clerk-1", "刘办", Role.CLERK, "421303001");
    static final Actor APPROVER = new Actor("approver-1", "陈审", Role.APPROVER, "421303");
    static final IssuingAuthorities AUTHORITIES = new IssuingAuthorities(List.of(
            new IssuingAuthorities.Authority("421303", "随州市曾都区民政局", "随州市曾都区人民政府")));
    final DeadlinePlanner planner = Schedules.planner();
    final EligibilityCalculator calculator = new EligibilityCalculator(new StandardCatalogue(List.of(
            new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed"))),
            EligibilityPolicy.typical());

    static Instant on(String date) {
        return ZonedDateTime.of(LocalDate.parse(date).atTime(10, 0), AssistanceCase.CHINA).toInstant();
    }

    AssistanceCase awaitingDecision(long wagesYuan) {
        return AssistanceCase.submit("421303001001-20260902-0001",
                        Households.submission(Program.DIBAO_URBAN, family(income(IncomeCategory.WAGES, wagesYuan),
                                income(IncomeCategory.SCHOLARSHIP, 300))), CITIZEN, on("2026-09-02")).next()
                .accept(CLERK, on("2026-09-04"), planner).next()
                .recordHomeVisit(CLERK, on("2026-09-07"), new HomeVisit(LocalDate.of(2026, 9, 7),
                        List.of("a", "b"), "ok", List.of(), "clerk-1"), CaseRules.national()).next()
                .recordEconomicCheck(CLERK, on("2026-09-07"), new EconomicCheck(EconomicCheck.Status.COMPLETED,
                        "MANUAL", "ok", true, false, on("2026-09-07"), "clerk-1")).next()
                .giveOpinion(CLERK, on("2026-09-08"), true, "ok").next()
                .startPublicity(CLERK, on("2026-09-08"), CaseRules.national()).next()
                .completePublicity(CLERK, on("2026-09-15"), planner).next();
    }

    Calculation calculation(AssistanceCase c) {
        return calculator.calculate(c.submission(), YearMonth.of(2026, 9), LocalDate.of(2026, 9, 16), false);
    }

    @Test
    void anApprovalTellsTheAmountTheFirstMonthAndTheCalculationInPlainTerms() {
        AssistanceCase waiting = awaitingDecision(1100);
        assertThat(DecisionNotice.of(waiting, AUTHORITIES)).isEmpty();
        AssistanceCase approved = waiting.approve(APPROVER, on("2026-09-16"), calculation(waiting), false,
                CaseRules.national(), planner).next();

        DecisionNotice notice = DecisionNotice.of(approved, AUTHORITIES).orElseThrow();
        assertThat(notice.outcome()).isEqualTo("APPROVED");
        assertThat(notice.programName()).isEqualTo("城市最低生活保障");
        assertThat(notice.decidedOn()).isEqualTo("2026-09-16");
        // 680.00 × 3 − 1100.00 = 940.00 (was 940.02 from the rounded per-capita figure), paid from the month
        // after approval [57]§24
        assertThat(notice.monthlyAmount()).isEqualTo("940.00");
        assertThat(notice.startMonth()).isEqualTo("2026-10");
        assertThat(notice.householdSize()).isEqualTo(3);
        assertThat(notice.reasons()).isNull();
        assertThat(notice.nextRecheckDue()).isEqualTo("2027-10-01");
        assertThat(notice.explanation()).containsExactly(
                "计入家庭人口 3 人。",
                "张三 每月 1100.00 元，计入：工资性收入 [57]§13。",
                "张三 每月 300.00 元，不计入：奖学金、助学金不计入 [57]§13。",
                "计入收入合计 1100.00 元，扣减 0.00 元；人均月收入 1100.00 ÷ 3 = 366.66 元（不足一分的舍去）。",
                "适用的低保标准为每人每月 680.00 元（2026-09 在用，地区 421303）。",
                "家庭财产符合当地规定。",
                "人均收入低于标准，按差额补足：680.00 × 3 − 1100.00 = 每月 940.00 元。");
        assertThat(notice.calculation()).containsEntry("monthlyAmount", "940.00").containsEntry("standard", "680.00");
        assertThat(notice.remedies().routes()).containsExactly("行政复议", "行政诉讼");
        assertThat(notice.remedies().basis()).isEqualTo("[57]§38");
    }

    @Test
    void aDenialTellsItsWrittenReasonsAndNoAmount() {
        AssistanceCase waiting = awaitingDecision(2400);
        AssistanceCase denied = waiting.deny(APPROVER, on("2026-09-16"), "家庭人均收入高于当地低保标准",
                calculation(waiting), planner).next();
        DecisionNotice notice = DecisionNotice.of(denied, AUTHORITIES).orElseThrow();
        assertThat(notice.outcome()).isEqualTo("DENIED");
        assertThat(notice.reasons()).isEqualTo("家庭人均收入高于当地低保标准");
        assertThat(notice.monthlyAmount()).isNull();
        assertThat(notice.startMonth()).isNull();
        assertThat(notice.explanation()).last().isEqualTo("人均月收入 800.00 元不低于 680.00 元，不符合条件。");
        assertThat(notice.remedies().text()).contains("行政复议").contains("行政诉讼");
    }

    @Test
    void theNoticeNamesTheDecidingAuthorityTheOfficersRoleAndWhereAndWhenToContestIt() {
        AssistanceCase waiting = awaitingDecision(2400);
        DecisionNotice notice = DecisionNotice.of(waiting.deny(APPROVER, on("2026-09-16"), "家庭人均收入高于当地低保标准",
                calculation(waiting), planner).next(), AUTHORITIES).orElseThrow();
        assertThat(notice.authority()).isEqualTo("随州市曾都区民政局");
        assertThat(notice.decidedByRole()).isEqualTo("审批人");
        assertThat(notice.remedies().options()).extracting(DecisionNotice.Remedy::route, DecisionNotice.Remedy::timeLimit,
                DecisionNotice.Remedy::where, DecisionNotice.Remedy::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("行政复议", "自收到本通知书之日起 60 日内", "随州市曾都区人民政府",
                        "《中华人民共和国行政复议法》第二十条"),
                org.assertj.core.groups.Tuple.tuple("行政诉讼", "自知道或者应当知道作出本决定之日起 6 个月内",
                        "有管辖权的人民法院", "《中华人民共和国行政诉讼法》第四十六条"));
        assertThat(notice.remedies().text()).isEqualTo("对本决定不服的，可以自收到本通知书之日起 60 日内向随州市曾都区人民政府"
                + "申请行政复议；也可以自知道或者应当知道作出本决定之日起 6 个月内直接向有管辖权的人民法院提起行政诉讼。");
        // sources stay out of the sentence the applicant reads
        assertThat(notice.remedies().text()).doesNotContain("《").doesNotContain("[").doesNotContain("§");
    }

    @ParameterizedTest(name = "paid by {0}, record completed {1}")
    @CsvSource(delimiter = '|', value = {
            "CLERK    | false | 经办人 | 这是先行救助：先发放、后补齐记录。",
            "APPROVER | false | 审批人 | 这是先行救助：先发放、后补齐记录。",
            "CLERK    | true  | 经办人 | 先行救助的记录已于 2026-09-10 补齐",
    })
    void aPaymentFirstGetsItsOwnNoticeOfAOneOffAmountNeverAMonthlyOne(String payer, boolean completed, String role,
                                                                       String followUp) {
        Actor actor = payer.equals("CLERK") ? CLERK : APPROVER;
        AssistanceCase c = AssistanceCase.submit("421303001001-20260902-0002", Households.urgentTemporary(3000), CITIZEN,
                on("2026-09-02")).next();
        assertThat(DecisionNotice.of(c, AUTHORITIES)).isEmpty();
        c = c.payFirst(actor, on("2026-09-03"), 200000, "住房失火，生活无着。").next();
        if (completed) {
            c = c.completeRecord(CLERK, on("2026-09-10"), "经办: 刘办; 原因: 火灾; 金额 2000.00; 签字: 刘办 陈审").next();
        }
        DecisionNotice notice = DecisionNotice.of(c, AUTHORITIES).orElseThrow();
        assertThat(notice.outcome()).isEqualTo("PAID_FIRST");
        assertThat(notice.programName()).isEqualTo("临时救助");
        assertThat(notice.oneOffAmount()).isEqualTo("2000.00");
        assertThat(notice.monthlyAmount()).isNull();
        assertThat(notice.startMonth()).isNull();
        assertThat(notice.nextRecheckDue()).isNull();
        assertThat(notice.decidedOn()).isEqualTo("2026-09-03");
        assertThat(notice.authority()).isEqualTo("随州市曾都区民政局");
        assertThat(notice.decidedByRole()).isEqualTo(role);
        assertThat(notice.reasons()).isEqualTo("住房失火，生活无着。");
        assertThat(notice.explanation()).containsExactly(
                "急难型临时救助，已先行发放一次性救助金 2000.00 元（一次性发放，不是每月发放）。",
                "发放原因：住房失火，生活无着。",
                "发放日期：2026-09-03，由随州市曾都区民政局（" + role + "）办理。");
        assertThat(notice.followUp()).startsWith(followUp);
        assertThat(notice.remedies().options()).extracting(DecisionNotice.Remedy::where)
                .containsExactly("随州市曾都区人民政府", "有管辖权的人民法院");
    }

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            "421303001001 | 随州市曾都区民政局                   | 随州市曾都区人民政府",
            "421303       | 随州市曾都区民政局                   | 随州市曾都区人民政府",
            "421381002003 | 广水市民政局                         | 广水市人民政府",
            "420102001001 | 行政区划 420102 的县级人民政府民政部门 | 行政区划 420102 的县级人民政府",
            "4213         | 行政区划 4213 的县级人民政府民政部门   | 行政区划 4213 的县级人民政府",
    })
    void theAuthorityIsTheLongestConfiguredPrefixElseTheRegionCodeIsNamed(String region, String name, String reviewBody) {
        IssuingAuthorities authorities = new IssuingAuthorities(List.of(
                new IssuingAuthorities.Authority("4213", "随州市民政局", null),
                new IssuingAuthorities.Authority("421303", "随州市曾都区民政局", "随州市曾都区人民政府"),
                new IssuingAuthorities.Authority("421381", "广水市民政局", "广水市人民政府")));
        IssuingAuthorities.Authority a = authorities.forRegion(region);
        if (region.equals("4213")) {
            // a prefix entry without a review body still names the county by code, never a guess
            assertThat(a.name()).isEqualTo("随州市民政局");
            assertThat(a.reviewBody()).isEqualTo(reviewBody);
            return;
        }
        assertThat(a.name()).isEqualTo(name);
        assertThat(a.reviewBody()).isEqualTo(reviewBody);
        assertThat(IssuingAuthorities.none().forRegion(region).name()).doesNotContain("曾都").doesNotContain("广水");
    }

    static Calculation calc(Outcome outcome, long perCapitaFen, long thresholdFen, long amountFen, boolean assetsOk) {
        return new Calculation(YearMonth.of(2026, 9), StandardKind.DIBAO_URBAN, "421303", 68000,
                List.of(new CalculationLine("张三", IncomeCategory.WAGES, perCapitaFen * 2, IncomeTreatment.COUNTED,
                        IncomeCategory.WAGES.reason())),
                perCapitaFen * 2, 0, 2, perCapitaFen, thresholdFen, assetsOk, outcome, amountFen, List.of());
    }

    @ParameterizedTest(name = "{0} {1}: {6}")
    @CsvSource(delimiter = '|', value = {
            "DIBAO_URBAN | ELIGIBLE               | 50000 | 68000  | 36000  | true  | 人均收入低于标准，按差额补足：680.00 × 2 − 1000.00 = 每月 360.00 元。",
            "DIBAO_RURAL | NOT_ELIGIBLE           | 70000 | 68000  | 0      | true  | 人均月收入 700.00 元不低于 680.00 元，不符合条件。",
            "DIBAO_URBAN | NOT_ELIGIBLE           | 50000 | 68000  | 0      | false | 经计算不符合条件（原因见决定理由和计算明细）。",
            "DIBAO_URBAN | ELIGIBLE_SINGLE_PERSON | 70000 | 102000 | 68000  | true  | 家庭人均收入不低于低保标准、但低于低保边缘标准 1020.00 元，按单人保发放每月 680.00 元。",
            "TEKUN       | ELIGIBLE               | 0     | 68000  | 136000 | true  | 符合特困人员条件，按特困人员基本生活标准每月发放 1360.00 元。",
            "DIBAO_EDGE  | ELIGIBLE               | 80000 | 102000 | 0      | true  | 人均收入不低于低保标准、低于低保边缘标准 1020.00 元，认定为低保边缘家庭。",
            "TEMPORARY   | ELIGIBLE               | 0     | 408000 | 300000 | true  | 临时救助金额 3000.00 元（上限 4080.00 元）。",
            "TEMPORARY   | NOT_ELIGIBLE           | 0     | 408000 | 0      | true  | 经计算不符合条件（原因见决定理由和计算明细）。",
    })
    void theResultIsToldInYuanForEveryProgramAndOutcome(Program program, Outcome outcome, long perCapita,
                                                        long threshold, long amount, boolean assetsOk, String last) {
        List<String> sentences = CalculationInPlainTerms.explain(program, calc(outcome, perCapita, threshold, amount, assetsOk));
        assertThat(sentences).last().isEqualTo(last);
        assertThat(sentences).contains(assetsOk ? "家庭财产符合当地规定。" : "家庭财产超出当地规定（见计算明细）。");
    }

    @Property(tries = 300)
    void anyCalculationIsToldWithoutFenAndWithoutFailing(@ForAll Program program, @ForAll Outcome outcome,
                                                        @ForAll @LongRange(max = 10_000_000) long perCapita,
                                                        @ForAll @LongRange(max = 10_000_000) long threshold,
                                                        @ForAll @LongRange(max = 10_000_000) long amount,
                                                        @ForAll @IntRange(min = 0, max = 20) int members,
                                                        @ForAll boolean assetsOk) {
        Calculation c = new Calculation(YearMonth.of(2026, 9), StandardKind.DIBAO_URBAN, "421303", 68000, List.of(),
                perCapita * members, 0, members, perCapita, threshold, assetsOk, outcome, amount, List.of());
        List<String> sentences = CalculationInPlainTerms.explain(program, c);
        assertThat(sentences).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain(" 分"));
        assertThat(sentences).anySatisfy(s -> assertThat(s).contains("680.00"));
    }
}
