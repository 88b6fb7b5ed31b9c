package cn.minzheng.assistance.eligibility;

import cn.minzheng.assistance.household.IncomeCategory;
import cn.minzheng.assistance.household.IncomeTreatment;
import cn.minzheng.assistance.household.AssetItem;
import cn.minzheng.assistance.household.AssetType;
import cn.minzheng.assistance.household.ExclusionReason;
import cn.minzheng.assistance.household.HouseholdMember;
import cn.minzheng.assistance.household.LabourCapacity;
import cn.minzheng.assistance.household.Relation;
import cn.minzheng.assistance.household.Submission;
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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static cn.minzheng.assistance.household.IncomeCategory.*;
import static cn.minzheng.assistance.fixtures.Households.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples with the 随州市曾都区 (421303) 2023 standards. */
class EligibilityCalculatorTest {
    static final StandardCatalogue SUIZHOU = new StandardCatalogue(List.of(
            new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed"),
            new AssistanceStandard("421303", StandardKind.DIBAO_RURAL, YearMonth.of(2023, 1), 61700, "seed"),
            new AssistanceStandard("421303", StandardKind.TEKUN_URBAN, YearMonth.of(2023, 1), 136000, "seed"),
            new AssistanceStandard("421303", StandardKind.TEKUN_RURAL, YearMonth.of(2023, 1), 123300, "seed")));
    static final YearMonth MAY_2023 = YearMonth.of(2023, 5);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private final EligibilityCalculator calc = new EligibilityCalculator(SUIZHOU, EligibilityPolicy.typical());

    private static Submission sub(Program p, List<HouseholdMember> m) {
        return submission(p, m);
    }

    private static List<HouseholdMember> replace(List<HouseholdMember> m, int i, HouseholdMember x) {
        List<HouseholdMember> copy = new ArrayList<>(m);
        copy.set(i, x);
        return copy;
    }

    static Stream<Arguments> workedExamples() {
        List<HouseholdMember> spouseDisabled = replace(family(income(WAGES, 2100)), 1,
                withDisability(family().get(1), 2));
        HouseholdMember confinedSpouse = new HouseholdMember("李四", family().get(1).idNumber(), Relation.SPOUSE,
                LabourCapacity.FULL, 0, false, false, List.of(income(WAGES, 5000)), List.of(), true,
                ExclusionReason.CONFINED);
        return Stream.of(
                // 1200 wages counted, 300 优抚金 excluded, 100 work cost deducted: (1200−100)/3 = 366.66 shown;
                // 补差 680.00 × 3 − 1100.00 = 940.00 (940.02 when the rounded per-capita figure was the input)
                Arguments.of("urban 低保 补差", sub(Program.DIBAO_URBAN, family(income(WAGES, 1200),
                        income(PREFERENTIAL_PENSION, 300), income(WORK_COST, 100))), 36666L, Outcome.ELIGIBLE, 94000L),
                // issue 17: 1000 for 3 against 680: 680.00 × 3 − 1000.00 = 1040.00, never (680.00 − 333.33) × 3 = 1040.01
                Arguments.of("1000 for three against 680", sub(Program.DIBAO_URBAN, family(income(WAGES, 1000))), 33333L,
                        Outcome.ELIGIBLE, 104000L),
                // 2039.99 for 3: per capita 679.99(66…) < 680, gap 0.01 — the household is a fen short of the standard
                Arguments.of("a fen below the standard", sub(Program.DIBAO_URBAN, family(new cn.minzheng.assistance.household.IncomeItem(WAGES, 203999))),
                        67999L, Outcome.ELIGIBLE, 1L),
                // 2040.00 for 3: exactly the standard per head, not below it
                Arguments.of("exactly at the standard", sub(Program.DIBAO_URBAN, family(income(WAGES, 2040))), 68000L,
                        Outcome.NOT_ELIGIBLE, 0L),
                // 1.00 for 3, rural: per capita 0.33 shown; 617.00 × 3 − 1.00 = 1850.00 (was 1850.01)
                Arguments.of("rural, one yuan for three", sub(Program.DIBAO_RURAL, family(new cn.minzheng.assistance.household.IncomeItem(WAGES, 100))),
                        33L, Outcome.ELIGIBLE, 185000L),
                // rural standard 617: 1500/3 = 500; (617 − 500) × 3 = 351
                Arguments.of("rural 低保 补差", sub(Program.DIBAO_RURAL, family(income(WAGES, 1500))), 50000L,
                        Outcome.ELIGIBLE, 35100L),
                // 2100/3 = 700 ≥ 680
                Arguments.of("income above the standard", sub(Program.DIBAO_URBAN, family(income(WAGES, 2100))),
                        70000L, Outcome.NOT_ELIGIBLE, 0L),
                // 700 < 1.5 × 680 = 1020 and the spouse has grade-2 disability: 单人保 680 − 0
                Arguments.of("单人保", sub(Program.DIBAO_URBAN, spouseDisabled), 70000L,
                        Outcome.ELIGIBLE_SINGLE_PERSON, 68000L),
                // scholarship and central basic pension do not count: 0 counted
                Arguments.of("excluded income only", sub(Program.DIBAO_URBAN, family(income(SCHOLARSHIP, 800),
                        income(CENTRAL_BASIC_PENSION, 150), income(GOVERNMENT_ASSISTANCE, 400))), 0L, Outcome.ELIGIBLE,
                        204000L),
                // deductions larger than income leave 0, never negative
                Arguments.of("deductions above income", sub(Program.DIBAO_URBAN, family(income(WAGES, 300),
                        income(DISABILITY_OR_ILLNESS_COST, 900))), 0L, Outcome.ELIGIBLE, 204000L),
                // a confined spouse is not counted: 1200/2 = 600; (680 − 600) × 2 = 160
                Arguments.of("confined member not counted", sub(Program.DIBAO_URBAN,
                        replace(family(income(WAGES, 1200)), 1, confinedSpouse)), 60000L, Outcome.ELIGIBLE, 16000L),
                // 边缘: 2400/3 = 800, 680 ≤ 800 < 1020
                Arguments.of("低保边缘 recognised", sub(Program.DIBAO_EDGE, family(income(WAGES, 2400))), 80000L,
                        Outcome.ELIGIBLE, 0L),
                // 3100/3 = 1033.33 ≥ 1020
                Arguments.of("above the 边缘 threshold", sub(Program.DIBAO_EDGE, family(income(WAGES, 3100))),
                        103333L, Outcome.NOT_ELIGIBLE, 0L),
                // 1500/3 = 500 < 680: should apply for 低保 instead
                Arguments.of("边缘 below the 低保 standard", sub(Program.DIBAO_EDGE, family(income(WAGES, 1500))),
                        50000L, Outcome.NOT_ELIGIBLE, 0L),
                // financial assets 48,000 / 3 = 16,000 ≤ 24 × 680 = 16,320
                Arguments.of("deposits within the cap", sub(Program.DIBAO_URBAN, replace(family(income(WAGES, 1200)), 0,
                        withAssets(family(income(WAGES, 1200)).get(0), new AssetItem(AssetType.DEPOSIT, 4_800_000, 1)))),
                        40000L, Outcome.ELIGIBLE, 84000L),
                // 50,000 / 3 = 16,666.66 > 16,320
                Arguments.of("deposits above the cap", sub(Program.DIBAO_URBAN, replace(family(income(WAGES, 1200)), 0,
                        withAssets(family(income(WAGES, 1200)).get(0), new AssetItem(AssetType.DEPOSIT, 5_000_000, 1)))),
                        40000L, Outcome.NOT_ELIGIBLE, 0L),
                Arguments.of("two homes", sub(Program.DIBAO_URBAN, replace(family(income(WAGES, 1200)), 0,
                        withAssets(family(income(WAGES, 1200)).get(0), new AssetItem(AssetType.HOUSE, 0, 2)))),
                        40000L, Outcome.NOT_ELIGIBLE, 0L),
                Arguments.of("a car", sub(Program.DIBAO_URBAN, replace(family(income(WAGES, 1200)), 0,
                        withAssets(family(income(WAGES, 1200)).get(0), new AssetItem(AssetType.VEHICLE, 3_000_000, 1)))),
                        40000L, Outcome.NOT_ELIGIBLE, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedExamples")
    void workedExample(String name, Submission s, long perCapita, Outcome outcome, long amountFen) {
        Calculation c = calc.calculate(s, MAY_2023, TODAY, false);
        assertThat(c.perCapitaFen()).as("per capita").isEqualTo(perCapita);
        assertThat(c.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(c.monthlyAmountFen()).as("amount").isEqualTo(amountFen);
    }

    @Test
    void theTraceNamesEveryIncomeLineAndItsTreatment() {
        Calculation c = calc.calculate(sub(Program.DIBAO_URBAN, family(income(WAGES, 1200),
                income(PREFERENTIAL_PENSION, 300), income(WORK_COST, 100))), MAY_2023, TODAY, false);
        assertThat(c.lines()).extracting(CalculationLine::category, CalculationLine::treatment, CalculationLine::monthlyFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(WAGES, IncomeTreatment.COUNTED, 120000L),
                        org.assertj.core.groups.Tuple.tuple(PREFERENTIAL_PENSION, IncomeTreatment.EXCLUDED, 30000L),
                        org.assertj.core.groups.Tuple.tuple(WORK_COST, IncomeTreatment.DEDUCTED, 10000L));
        assertThat(c.lines()).allSatisfy(l -> assertThat(l.reason()).contains("[57]§13"));
        assertThat(c.standardFen()).isEqualTo(68000);
        assertThat(c.standardRegion()).isEqualTo("421303");
        assertThat(c.countedIncomeFen()).isEqualTo(120000);
        assertThat(c.deductedFen()).isEqualTo(10000);
        assertThat(c.countedMembers()).isEqualTo(3);
        assertThat(c.notes()).anyMatch(n -> n.contains("68000 × 3 − 110000 = 94000"));
    }

    static Stream<Arguments> tekun() {
        HouseholdMember elder = member("王老", id("19500101", 13), Relation.SELF);
        HouseholdMember adult = member("王壮", id("19860101", 13), Relation.SELF);
        HouseholdMember rural = member("王老", id("19500101", 13), Relation.SELF);
        return Stream.of(
                Arguments.of("urban, aged 76, alone", submission(Program.TEKUN, List.of(elder)), false,
                        Outcome.ELIGIBLE, 136000L),
                Arguments.of("able supporter exists", submission(Program.TEKUN, List.of(elder)), true,
                        Outcome.NOT_ELIGIBLE, 0L),
                Arguments.of("has labour capacity", submission(Program.TEKUN, List.of(adult)), false,
                        Outcome.NOT_ELIGIBLE, 0L),
                Arguments.of("severely disabled adult", submission(Program.TEKUN, List.of(withDisability(adult, 1))),
                        false, Outcome.ELIGIBLE, 136000L),
                Arguments.of("rural", new Submission(Program.TEKUN, rural.idNumber(), REGION,
                        cn.minzheng.assistance.standards.Area.RURAL, null, 0, List.of(rural), true, false), false,
                        Outcome.ELIGIBLE, 123300L),
                Arguments.of("income at the 低保 standard", submission(Program.TEKUN, List.of(
                        member("王老", id("19500101", 13), Relation.SELF, income(WAGES, 680)))), false,
                        Outcome.NOT_ELIGIBLE, 0L));
    }

    @ParameterizedTest(name = "特困: {0}")
    @MethodSource("tekun")
    void tekunNeedsAllThreeConditions(String name, Submission s, boolean supporterAble, Outcome outcome, long fen) {
        Calculation c = calc.calculate(s, MAY_2023, TODAY, supporterAble);
        assertThat(c.outcome()).isEqualTo(outcome);
        assertThat(c.monthlyAmountFen()).isEqualTo(fen);
    }

    @Test
    void withoutAPublishedTekunStandardTheConfiguredMultipleOfDibaoApplies() {
        StandardCatalogue onlyDibao = new StandardCatalogue(List.of(
                new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), 68000, "seed")));
        Calculation c = new EligibilityCalculator(onlyDibao, EligibilityPolicy.typical()).calculate(
                submission(Program.TEKUN, List.of(member("王老", id("19500101", 13), Relation.SELF))), MAY_2023, TODAY,
                false);
        // 680 × 130 % = 884
        assertThat(c.monthlyAmountFen()).isEqualTo(88400);
    }

    @Test
    void temporaryAssistanceIsCappedAtTheConfiguredMonths() {
        // cap: 6 × 680 = 4080
        assertThat(calc.calculate(urgentTemporary(5000), MAY_2023, TODAY, false).monthlyAmountFen()).isEqualTo(408000);
        assertThat(calc.calculate(urgentTemporary(2000), MAY_2023, TODAY, false).monthlyAmountFen()).isEqualTo(200000);
    }

    @Test
    void aMonthWithoutAStandardCannotBeCalculated() {
        assertThatThrownBy(() -> calc.calculate(sub(Program.DIBAO_URBAN, family()), YearMonth.of(2022, 12), TODAY, false))
                .isInstanceOf(NoStandardException.class);
    }

    /** n members: the fixture family, then further children (the calculator does not validate ids). */
    private static List<HouseholdMember> household(int n, long wagesFen, long costFen) {
        List<HouseholdMember> fam = new ArrayList<>(family());
        for (int i = 3; i < n; i++) {
            fam.add(member("张" + i, id("20120404", 40 + i), Relation.CHILD));
        }
        fam = new ArrayList<>(fam.subList(0, n));
        fam.set(0, new HouseholdMember("张三", fam.get(0).idNumber(), Relation.SELF, LabourCapacity.FULL, 0, false, false,
                List.of(new cn.minzheng.assistance.household.IncomeItem(WAGES, wagesFen),
                        new cn.minzheng.assistance.household.IncomeItem(WORK_COST, costFen)), List.of(), true, null));
        return fam;
    }

    private static EligibilityCalculator withStandard(long standardFen) {
        return new EligibilityCalculator(new StandardCatalogue(List.of(new AssistanceStandard("421303",
                StandardKind.DIBAO_URBAN, YearMonth.of(2023, 1), standardFen, "property"))), EligibilityPolicy.typical());
    }

    /** 补差 [57]§23 is the household's gap, standard × n − income, exact in fen; never the rounded per-capita gap × n. */
    @Property(tries = 500)
    void dibaoAmountIsStandardTimesMembersMinusIncome(@ForAll @LongRange(min = 0, max = 5_000_000) long wagesFen,
                                                      @ForAll @LongRange(min = 0, max = 1_000_000) long costFen,
                                                      @ForAll @IntRange(min = 1, max = 10) int members,
                                                      @ForAll @LongRange(min = 1, max = 300_000) long standardFen) {
        Calculation c = withStandard(standardFen).calculate(sub(Program.DIBAO_URBAN, household(members, wagesFen, costFen)),
                MAY_2023, TODAY, false);
        long income = Math.max(0, wagesFen - costFen);
        assertThat(c.countedMembers()).isEqualTo(members);
        // the per-capita figure is shown rounded down to the fen
        assertThat(c.perCapitaFen() * members).isLessThanOrEqualTo(income);
        assertThat((c.perCapitaFen() + 1) * members).isGreaterThan(income);
        assertThat(c.monthlyAmountFen()).isNotNegative();
        boolean below = income < standardFen * members;
        if (c.outcome() == Outcome.ELIGIBLE) {
            assertThat(below).as("eligible only below the standard").isTrue();
            assertThat(c.monthlyAmountFen()).isEqualTo(standardFen * members - income);
        } else {
            // 单人保 needs a disabled or ill member, which this household lacks
            assertThat(c.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
            assertThat(below).as("below the standard is eligible").isFalse();
            assertThat(c.monthlyAmountFen()).isZero();
        }
    }

    /** 低保边缘: standard × n ≤ income &lt; 1.5 × standard × n, compared exactly (no rounded per-capita figure). */
    @Property(tries = 300)
    void edgeIsDecidedOnExactIncome(@ForAll @LongRange(min = 0, max = 5_000_000) long wagesFen,
                                    @ForAll @IntRange(min = 1, max = 10) int members,
                                    @ForAll @LongRange(min = 1, max = 300_000) long standardFen) {
        Calculation c = withStandard(standardFen).calculate(sub(Program.DIBAO_EDGE, household(members, wagesFen, 0)),
                MAY_2023, TODAY, false);
        boolean expected = wagesFen >= standardFen * members && wagesFen * 2 < standardFen * 3 * members;
        assertThat(c.outcome()).isEqualTo(expected ? Outcome.ELIGIBLE : Outcome.NOT_ELIGIBLE);
        assertThat(c.monthlyAmountFen()).isZero();
    }
}
