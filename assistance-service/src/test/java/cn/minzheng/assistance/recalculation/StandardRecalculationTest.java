package cn.minzheng.assistance.recalculation;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRules;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.fixtures.ActiveCaseFixture;
import cn.minzheng.assistance.fixtures.Schedules;
import cn.minzheng.assistance.recalculation.StandardRecalculation.AlreadyChanged;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Changed;
import cn.minzheng.assistance.recalculation.StandardRecalculation.NotAffected;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Skip;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Skipped;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Unchanged;
import cn.minzheng.assistance.recalculation.StandardRecalculation.Verdict;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 调标, case by case: which cases a new standard touches and what amount they get (table), and that a run
 * meeting a case twice changes it once (property).
 */
class StandardRecalculationTest {
    static final AssistanceStandard SEED_URBAN = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN,
            YearMonth.of(2023, 1), 680_00, "曾都区 2023 城市低保 680 元");
    static final AssistanceStandard SEED_RURAL = new AssistanceStandard("421303", StandardKind.DIBAO_RURAL,
            YearMonth.of(2023, 1), 617_00, "曾都区 2023 农村低保 617 元");
    static final AssistanceStandard OTHER_COUNTY = new AssistanceStandard("421381", StandardKind.DIBAO_URBAN,
            YearMonth.of(2023, 1), 650_00, "广水市 2023 城市低保 650 元");
    static final AssistanceStandard RAISED_2027 = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN,
            YearMonth.of(2027, 1), 720_00, "曾都区 2027 年城市低保标准 720 元/人·月");
    static final StandardCatalogue BEFORE = new StandardCatalogue(List.of(SEED_URBAN, SEED_RURAL, OTHER_COUNTY));
    static final CaseRules RULES = CaseRules.national();
    static final ActiveCaseFixture FIXTURE = new ActiveCaseFixture(
            new EligibilityCalculator(BEFORE, EligibilityPolicy.typical()), Schedules.planner(), RULES);
    static final Actor SYSTEM = new Actor("system", "调标", Role.SYSTEM, null);
    static final Actor APPROVER = new Actor("approver-1", "陈审", Role.APPROVER, "421303");
    static final Actor CLERK = new Actor("clerk-1", "刘办", Role.CLERK, "421303");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 10);
    static final Instant NOW = ZonedDateTime.of(TODAY.atTime(9, 0), AssistanceCase.CHINA).toInstant();
    static final String RUN = RAISED_2027.id() + "-R1";

    /** A 3-person urban household earning 1,000 元, active from 2026-10 at 680 × 3 − 1000 = 1,040.00. */
    static AssistanceCase active(String region, Program program) {
        return FIXTURE.active(region + "-20260901-0001", program, region, 3, 1000_00, LocalDate.of(2026, 9, 1), 1);
    }

    static StandardRecalculation with(AssistanceStandard added, AssistanceStandard... more) {
        List<AssistanceStandard> all = new ArrayList<>(BEFORE.all());
        all.add(added);
        all.addAll(List.of(more));
        return new StandardRecalculation(added, new StandardCatalogue(all), EligibilityPolicy.typical());
    }

    static Stream<Arguments> table() {
        UnaryOperator<AssistanceCase> asIs = c -> c;
        UnaryOperator<AssistanceCase> rechecking = c -> c.startRecheck(CLERK, NOW, "年度复核").next();
        UnaryOperator<AssistanceCase> suspended = c -> c.suspend(APPROVER, NOW, "核实收入期间暂停").next();
        UnaryOperator<AssistanceCase> phasingOut = c -> c.startPhaseOut(APPROVER, NOW, 6, "就业", RULES).next();
        UnaryOperator<AssistanceCase> terminated = c -> c.terminate(APPROVER, NOW, "迁出").next();
        AssistanceStandard sameFigure = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2027, 1),
                680_00, "曾都区 2027 年标准不变");
        AssistanceStandard lowered = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2027, 1),
                300_00, "假设：标准下调到 300 元");
        AssistanceStandard july = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2027, 7),
                750_00, "曾都区 2027 年 7 月起 750 元");
        AssistanceStandard pastOctober = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2026, 8),
                700_00, "曾都区 2026 年 8 月起 700 元（补录）");
        AssistanceStandard town = new AssistanceStandard("421303001", StandardKind.DIBAO_URBAN, YearMonth.of(2026, 1),
                690_00, "某街道自定标准");
        String urban = "421303001001";
        return Stream.of(
                // what | case | standard added | (more) | verdict | amount from the month | month
                Arguments.of("active, raised standard", urban, Program.DIBAO_URBAN, asIs, RAISED_2027, null,
                        "CHANGED", 720_00 * 3 - 1000_00, "2027-01"),
                Arguments.of("under re-check: recalculated, still re-checking", urban, Program.DIBAO_URBAN, rechecking,
                        RAISED_2027, null, "CHANGED", 116000L, "2027-01"),
                Arguments.of("suspended: recalculated for when it resumes", urban, Program.DIBAO_URBAN, suspended,
                        RAISED_2027, null, "CHANGED", 116000L, "2027-01"),
                Arguments.of("渐退期 keeps its payment [57]§33", urban, Program.DIBAO_URBAN, phasingOut, RAISED_2027, null,
                        "SKIPPED:PHASING_OUT", 104000L, "2027-01"),
                Arguments.of("terminated: out of scope", urban, Program.DIBAO_URBAN, terminated, RAISED_2027, null,
                        "NOT_AFFECTED:status", 104000L, "2027-01"),
                Arguments.of("another county", "421381001001", Program.DIBAO_URBAN, asIs, RAISED_2027, null,
                        "NOT_AFFECTED:region", 650_00 * 3 - 1000_00, "2027-01"),
                Arguments.of("another program (rural 低保, urban standard)", urban, Program.DIBAO_RURAL, asIs, RAISED_2027,
                        null, "NOT_AFFECTED:program", 617_00 * 3 - 1000_00, "2027-01"),
                Arguments.of("same figure: recalculated, unchanged", urban, Program.DIBAO_URBAN, asIs, sameFigure, null,
                        "UNCHANGED", 104000L, "2027-01"),
                Arguments.of("lowered below the household's income: left for the approver", urban, Program.DIBAO_URBAN,
                        asIs, lowered, null, "SKIPPED:NO_LONGER_ELIGIBLE", 104000L, "2027-01"),
                Arguments.of("effective in the future: the new amount from that month only", urban, Program.DIBAO_URBAN,
                        asIs, july, null, "CHANGED", 750_00 * 3 - 1000_00, "2027-07"),
                Arguments.of("effective before the first month: from the first month", urban, Program.DIBAO_URBAN, asIs,
                        pastOctober, null, "CHANGED", 700_00 * 3 - 1000_00, "2026-10"),
                Arguments.of("a town's own standard is in force there", urban, Program.DIBAO_URBAN, asIs, RAISED_2027, town,
                        "SKIPPED:OTHER_STANDARD", 104000L, "2027-01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void whichCasesAStandardTouchesAndWhatAmountTheyGet(String what, String region, Program program,
                                                          UnaryOperator<AssistanceCase> state, AssistanceStandard added,
                                                          AssistanceStandard more, String expected, long amountFen,
                                                          String month) {
        AssistanceCase c = state.apply(active(region, program));
        ApplicationStatus status = c.status();
        long before = c.benefit().amountIn(YearMonth.parse(month).minusMonths(1));
        StandardRecalculation r = more == null ? with(added) : with(added, more);
        String runId = added.id() + "-R1";
        Verdict v = r.decide(c, runId, TODAY, NOW);

        assertThat(describe(v)).as(what).isEqualTo(expected);
        var adjusted = v instanceof Changed ch ? StandardRecalculation.apply(c, ch, SYSTEM, NOW) : null;
        AssistanceCase after = adjusted != null ? adjusted.next() : c;
        assertThat(after.benefit().amountIn(YearMonth.parse(month))).as(what).isEqualTo(amountFen);
        assertThat(after.status()).isEqualTo(status);
        if (v instanceof Changed ch) {
            // the month before keeps what it had; the event carries old, new, the standard, its source, month and run
            assertThat(after.benefit().amountIn(YearMonth.parse(month).minusMonths(1))).isEqualTo(before);
            assertThat(after.version()).isEqualTo(c.version() + 1);
            DomainEvent e = adjusted.event();
            assertThat(e.name()).isEqualTo("amount-changed");
            assertThat(e.id()).isEqualTo(StandardRecalculation.eventId(runId, c.number()));
            assertThat(e.changes()).containsEntry("monthlyAmountFen", amountFen)
                    .containsEntry("previousAmountFen", ch.adjustment().previousFen())
                    .containsEntry("standardId", added.id()).containsEntry("standardSource", added.source())
                    .containsEntry("effectiveMonth", month).containsEntry("recalculationRunId", runId)
                    .containsEntry("standardFen", added.monthlyFen()).containsEntry("countedMembers", 3)
                    .containsEntry("countedIncomeFen", 1000_00L);
            assertThat(after.history().get(after.history().size() - 1).command())
                    .isEqualTo(ApplicationCommand.ADJUST_TO_STANDARD);
            // met again by the same run: counted, not changed
            assertThat(r.decide(after, runId, TODAY, NOW)).isInstanceOf(AlreadyChanged.class);
            assertThatThrownBy(() -> StandardRecalculation.apply(after, ch, SYSTEM, NOW))
                    .isInstanceOf(RuleViolation.class);
        } else {
            assertThat(after).isSameAs(c);
        }
    }

    @Test
    void onlyTheServiceAdjustsToAStandard() {
        AssistanceCase c = active("421303001001", Program.DIBAO_URBAN);
        Changed ch = (Changed) with(RAISED_2027).decide(c, RUN, TODAY, NOW);
        assertThatThrownBy(() -> c.adjustToStandard(APPROVER, NOW, ch.adjustment()))
                .isInstanceOf(cn.minzheng.assistance.application.RoleNotAllowedException.class);
    }

    static String describe(Verdict v) {
        if (v instanceof Changed) {
            return "CHANGED";
        }
        if (v instanceof Unchanged) {
            return "UNCHANGED";
        }
        if (v instanceof AlreadyChanged) {
            return "ALREADY_CHANGED";
        }
        if (v instanceof Skipped s) {
            return "SKIPPED:" + s.reason();
        }
        return "NOT_AFFECTED:" + ((NotAffected) v).why();
    }

    /**
     * Idempotence: whatever the household and the new standard, a run that meets a case again changes
     * nothing (no second event, same amount), a second run of the same standard finds it unchanged, and
     * the amount it set is the exact 补差 standard × members − income.
     */
    @Property(tries = 300)
    void aRunChangesACaseOnceAndASecondRunFindsItUnchanged(@ForAll @IntRange(min = 1, max = 6) int members,
                                                          @ForAll @LongRange(min = 0, max = 3000_00) long wagesFen,
                                                          @ForAll @LongRange(min = 300_00, max = 3000_00) long standardFen,
                                                          @ForAll @IntRange(min = 0, max = 2) int state) {
        if (wagesFen >= 680_00L * members) {
            return; // not eligible under the seed standard: never approved, never recalculated
        }
        AssistanceCase c = FIXTURE.active("421303001001-20260901-0002", Program.DIBAO_URBAN, "421303001001", members,
                wagesFen, LocalDate.of(2026, 9, 1), 2);
        c = switch (state) {
            case 1 -> c.startRecheck(CLERK, NOW, "年度复核").next();
            case 2 -> c.suspend(APPROVER, NOW, "暂停").next();
            default -> c;
        };
        AssistanceStandard s = new AssistanceStandard("421303", StandardKind.DIBAO_URBAN, YearMonth.of(2027, 1),
                standardFen, "property standard");
        StandardRecalculation r = with(s);
        Verdict first = r.decide(c, s.id() + "-R1", TODAY, NOW);
        var adjusted = first instanceof Changed ch ? StandardRecalculation.apply(c, ch, SYSTEM, NOW) : null;
        AssistanceCase once = adjusted != null ? adjusted.next() : c;
        Verdict again = r.decide(once, s.id() + "-R1", TODAY, NOW);
        Verdict secondRun = r.decide(once, s.id() + "-R2", TODAY, NOW);

        long gap = standardFen * members - wagesFen;
        if (gap > 0) {
            assertThat(once.benefit().amountIn(YearMonth.of(2027, 1))).isEqualTo(gap);
            assertThat(first).isInstanceOfAny(Changed.class, Unchanged.class);
            assertThat(secondRun).isInstanceOf(Unchanged.class);
        } else {
            assertThat(first).isEqualTo(new Skipped(Skip.NO_LONGER_ELIGIBLE));
            assertThat(once).isSameAs(c);
        }
        assertThat(again).isInstanceOf(first instanceof Changed ? AlreadyChanged.class : first.getClass());
        long amountChanged = adjusted == null ? 0 : List.of(adjusted.event()).stream()
                .filter(e -> e.name().equals("amount-changed")).count();
        assertThat(amountChanged).isEqualTo(first instanceof Changed ? 1 : 0);
        assertThat(once.status()).isEqualTo(c.status());
    }
}
