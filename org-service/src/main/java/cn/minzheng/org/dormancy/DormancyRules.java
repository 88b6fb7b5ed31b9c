package cn.minzheng.org.dormancy;

import cn.minzheng.org.annualinspection.YearOutcome;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which registered organizations look dormant on {@code today}: the configured number of years running
 * without an annual report (the 年检 sweep's outcome NOT_FILED for each of the last years), or — in the two
 * years after the activity window has passed — no annual report at all since registration (an annual
 * report is how an organization reports its activities). A decision, never a sanction: it opens an
 * inspection task for an inspector.
 */
public final class DormancyRules {
    private final DormancyPolicy policy;

    public DormancyRules(DormancyPolicy policy) {
        this.policy = policy;
    }

    /** The years whose 年检 outcomes the rule reads on {@code today}: the last {@code consecutiveNonFilingYears} before it. */
    public int firstOutcomeYear(LocalDate today) {
        return today.getYear() - policy.consecutiveNonFilingYears();
    }

    /**
     * @param registeredOn    the organization's registration day
     * @param reportYears     the years it has filed an annual report for
     * @param outcomes        the 年检 outcomes recorded for it, by year
     */
    public Optional<DormancyGround> decide(LocalDate registeredOn, Set<Integer> reportYears, Map<Integer, YearOutcome> outcomes,
                                           LocalDate today) {
        boolean allMissed = true;
        for (int y = today.getYear() - 1; y >= firstOutcomeYear(today); y--) {
            if (outcomes.get(y) != YearOutcome.NOT_FILED) {
                allMissed = false;
                break;
            }
        }
        if (allMissed) {
            return Optional.of(DormancyGround.CONSECUTIVE_NON_FILING);
        }
        LocalDate windowEnds = registeredOn.plus(policy.activityWindow());
        boolean recent = today.isBefore(windowEnds.plusYears(2));
        if (!today.isBefore(windowEnds) && recent && reportYears.stream().noneMatch(y -> y >= registeredOn.getYear())) {
            return Optional.of(DormancyGround.NO_ACTIVITY_AFTER_REGISTRATION);
        }
        return Optional.empty();
    }
}
