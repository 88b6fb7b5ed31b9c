package cn.minzheng.assistance.application;

import cn.minzheng.assistance.eligibility.Calculation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One 调标 applied to a case: a new standard took effect, the case was recalculated with the exact 补差
 * rule ({@code EligibilityCalculator}) and its amount changed. Kept on the benefit, so the case itself
 * records which recalculation run changed it — a run that meets it again changes nothing (idempotent per
 * case per run) — and the citizen's notice can say what changed and why.
 *
 * @param runId          the recalculation run that made the change
 * @param standardId     the standard's public id ({@code <region>-<kind>-<yyyy-MM>})
 * @param standardSource the document that published the standard
 * @param effectiveMonth the first month the new amount applies to (the standard's effective month, or the
 *                       case's first month when it started later)
 * @param previousFen    the amount for that month before the change
 * @param newFen         the amount from that month on
 * @param eventId        the id of the {@code amount-changed} event (derived from run and case: one fact, one id)
 * @param calculation    the recalculation with the figures (standard × counted members − counted income)
 */
public record StandardAdjustment(String runId, String standardId, String standardSource, YearMonth effectiveMonth,
                                 long previousFen, long newFen, String eventId, Instant at, Calculation calculation) {
    public StandardAdjustment {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(standardId, "standardId");
        Objects.requireNonNull(effectiveMonth, "effectiveMonth");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(calculation, "calculation");
    }
}
