package cn.minzheng.assistance.recalculation;

import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.Benefit;
import cn.minzheng.assistance.application.DomainEvent;
import cn.minzheng.assistance.application.StandardAdjustment;
import cn.minzheng.assistance.eligibility.Calculation;
import cn.minzheng.assistance.eligibility.EligibilityCalculator;
import cn.minzheng.assistance.eligibility.EligibilityPolicy;
import cn.minzheng.assistance.eligibility.NoStandardException;
import cn.minzheng.assistance.eligibility.Outcome;
import cn.minzheng.assistance.standards.Area;
import cn.minzheng.assistance.standards.AssistanceStandard;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.assistance.standards.StandardCatalogue;
import cn.minzheng.assistance.standards.StandardKind;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * 调标: what a new standard does to one case. Decided here, in plain Java, from the rules of
 * {@code shared/domain/assistance.md}:
 * <ul>
 * <li><b>Which cases.</b> "A case is computed with the standard in force for its month" (assistance.md,
 *     Eligibility and amount): every case with a monthly benefit under the standard's region prefix whose
 *     program is measured by the standard's kind — 低保 (城市/农村) by its 低保标准; 特困 by its 特困标准 and by
 *     the 低保标准 of its area (eligibility threshold, and the configured multiple when no 特困标准 is
 *     published) — and for which this standard is the one in force in the effective month (a more
 *     specific region's standard, or none, leaves the case alone: {@link Skip#OTHER_STANDARD}).
 *     低保边缘 is a recognition without a monthly amount and 临时救助 a one-off: no standard change
 *     touches them.</li>
 * <li><b>Which states.</b> ACTIVE and RECHECKING (payment continues during a 复核) are recalculated. A
 *     SUSPENDED case is recalculated too, without resuming it: suspension stops payment with written
 *     reasons ([57]§32), it does not freeze the measure — when it resumes it is paid at the standard in
 *     force for the month, as every case is. A case in its <b>渐退期</b> is not recalculated
 *     ({@link Skip#PHASING_OUT}): its household's income is already above the line, and the 渐退期 only
 *     continues the payment it had for the months decided ([57]§33); a 补差 from the recorded household
 *     would pay a gap the household no longer has. (The lifecycle table forbids an amount change in the
 *     渐退期 for the same reason.) TERMINATED and every state before the decision are out of scope.</li>
 * <li><b>What amount.</b> The existing exact 补差 rule, by {@link EligibilityCalculator} (never
 *     re-implemented): standard × counted members − counted income, integer fen, for the effective month
 *     (or the case's first month, when it started later). A household that would no longer be eligible is
 *     not changed here ({@link Skip#NO_LONGER_ELIGIBLE}): suspending or ending a benefit needs an
 *     APPROVER's written reasons ([57]§32), so it is left, counted, for the re-check.</li>
 * <li><b>Once per run.</b> A case the run changed already carries the run's {@link StandardAdjustment}:
 *     {@link AlreadyChanged}, no second change, no second event; an unchanged amount produces nothing.</li>
 * </ul>
 */
public final class StandardRecalculation {

    /** Why a case in scope is left as it is. */
    public enum Skip {
        /** 渐退期 [57]§33: keeps the payment it had until the 渐退期 ends */
        PHASING_OUT,
        /** under the new standard the household would not be eligible: an APPROVER decides ([57]§32) */
        NO_LONGER_ELIGIBLE,
        /** another standard is in force for the case's region in that month (a more specific region's) */
        OTHER_STANDARD,
        /** no benefit recorded (never paid monthly) */
        NO_BENEFIT,
        /** changed by someone else three times while the run read it: recalculate it with amount-change */
        CHANGED_MEANWHILE
    }

    /** What the run does with a case. */
    public sealed interface Verdict permits NotAffected, Skipped, Unchanged, AlreadyChanged, Changed {
    }

    /** Out of the standard's scope (region, program, state): not counted by the run. */
    public record NotAffected(String why) implements Verdict {
    }

    /** In scope, left as it is, counted as skipped with the reason. */
    public record Skipped(Skip reason) implements Verdict {
    }

    /** Recalculated, same amount: no write, no event. */
    public record Unchanged(long fen) implements Verdict {
    }

    /** This run changed the case already (a resumed run meets it again): counted as changed, nothing written. */
    public record AlreadyChanged() implements Verdict {
    }

    /** The amount changes: the adjustment to apply. */
    public record Changed(StandardAdjustment adjustment) implements Verdict {
    }

    /** States whose amount a standard change recalculates. */
    public static final Set<ApplicationStatus> RECALCULATED = EnumSet.of(ApplicationStatus.ACTIVE,
            ApplicationStatus.RECHECKING, ApplicationStatus.SUSPENDED);
    /** States the run looks at: the recalculated ones and the 渐退期 (counted as skipped). */
    public static final Set<ApplicationStatus> IN_SCOPE = EnumSet.of(ApplicationStatus.ACTIVE,
            ApplicationStatus.RECHECKING, ApplicationStatus.SUSPENDED, ApplicationStatus.PHASING_OUT);

    private final AssistanceStandard standard;
    private final StandardCatalogue catalogue;
    private final EligibilityCalculator calculator;

    /** @param catalogue every standard, the new one included */
    public StandardRecalculation(AssistanceStandard standard, StandardCatalogue catalogue, EligibilityPolicy policy) {
        this.standard = Objects.requireNonNull(standard, "standard");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        if (catalogue.byId(standard.id()).isEmpty()) {
            throw new IllegalArgumentException("the catalogue must hold the standard " + standard.id());
        }
        this.calculator = new EligibilityCalculator(catalogue, policy);
    }

    /** The programs a standard of {@code kind} measures (low 低保 and 特困; never 边缘 or 临时救助). */
    public static Set<Program> programsMeasuredBy(StandardKind kind) {
        return switch (kind) {
            case DIBAO_URBAN -> EnumSet.of(Program.DIBAO_URBAN, Program.TEKUN);
            case DIBAO_RURAL -> EnumSet.of(Program.DIBAO_RURAL, Program.TEKUN);
            case TEKUN_URBAN, TEKUN_RURAL -> EnumSet.of(Program.TEKUN);
        };
    }

    /** Whether the case's program, in its area, is measured by a standard of {@code kind}. */
    static boolean measures(Program program, Area statedArea, StandardKind kind) {
        Area area = program.areaOf(statedArea);
        return switch (program) {
            case DIBAO_URBAN, DIBAO_RURAL -> kind == StandardKind.dibao(area);
            case TEKUN -> kind == StandardKind.dibao(area) || kind == StandardKind.tekun(area);
            case DIBAO_EDGE, TEMPORARY -> false;
        };
    }

    /** The event id of the run's change of a case: one fact, one id, however often the run meets the case. */
    public static String eventId(String runId, String caseNumber) {
        return UUID.nameUUIDFromBytes(("amount-changed|" + runId + "|" + caseNumber).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    public AssistanceStandard standard() {
        return standard;
    }

    /** What run {@code runId} does with the case (no side effect). */
    public Verdict decide(AssistanceCase c, String runId, LocalDate today, Instant at) {
        if (!c.regionCode().startsWith(standard.regionPrefix())) {
            return new NotAffected("region");
        }
        if (!measures(c.program(), c.submission().area(), standard.kind())) {
            return new NotAffected("program");
        }
        if (!IN_SCOPE.contains(c.status())) {
            return new NotAffected("status");
        }
        if (c.status() == ApplicationStatus.PHASING_OUT) {
            return new Skipped(Skip.PHASING_OUT);
        }
        Benefit b = c.benefit();
        if (b == null || b.firstMonth() == null) {
            return new Skipped(Skip.NO_BENEFIT);
        }
        if (b.adjustedBy(runId)) {
            return new AlreadyChanged();
        }
        YearMonth month = standard.effectiveFrom().isBefore(b.firstMonth()) ? b.firstMonth() : standard.effectiveFrom();
        if (!catalogue.inForce(c.regionCode(), standard.kind(), month).map(standard::equals).orElse(false)) {
            return new Skipped(Skip.OTHER_STANDARD);
        }
        Calculation calc;
        try {
            boolean supporterAble = c.economicCheck() != null && c.economicCheck().supporterAble();
            calc = calculator.calculate(c.submission(), month, today, supporterAble);
        } catch (NoStandardException e) {
            return new Skipped(Skip.OTHER_STANDARD);
        }
        if (calc.outcome() == Outcome.NOT_ELIGIBLE || calc.monthlyAmountFen() <= 0) {
            return new Skipped(Skip.NO_LONGER_ELIGIBLE);
        }
        long before = b.amountIn(month);
        if (calc.monthlyAmountFen() == before) {
            return new Unchanged(before);
        }
        return new Changed(new StandardAdjustment(runId, standard.id(), standard.source(), month, before,
                calc.monthlyAmountFen(), eventId(runId, c.number()), at, calc));
    }

    /** The case with the change applied, and its {@code amount-changed} event. */
    public static Transitioned<AssistanceCase, DomainEvent> apply(AssistanceCase c, Changed change, Actor system, Instant at) {
        return c.adjustToStandard(system, at, change.adjustment());
    }
}
