package cn.minzheng.org.spotcheck;

import java.util.Collection;
import java.util.Optional;
import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.ClosedGate;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.org.problems.InvalidFields;
import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.organization.RegistrationAuthority;
import cn.minzheng.platform.kit.domain.Transitioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 双随机、一公开 spot-check plan: the recorded population (ascending ids) and its SHA-256 digest,
 * ratio, seed and method, the drawn organizations with their inspectors, the results, and publication
 * once every result is in.
 *
 * <p>One draw per authority, year and organization type ({@link #drawSlots()}): a second draw for a slot
 * is refused; only a {@link #redraw redraw} with a written reason replaces a plan, and the replaced plan
 * stays on record as {@link PlanStatus#SUPERSEDED} with that reason (both are public).
 *
 * @param types            the organization types drawn from (ascending; empty: every type)
 * @param populationDigest {@link SeededDraw#populationDigest} of the population at the draw (null on plans
 *                         drawn before digests were recorded)
 * @param lineage          original or redraw, and whether a redraw replaced this plan
 */
public record SpotCheckPlan(String id, String authorityCode, int year, List<OrganizationType> types, int ratioBasisPoints,
                            String seed, String method,
                            List<String> population, String populationDigest, List<Inspector> inspectorPool,
                            Map<String, List<String>> assignments, Map<String, CheckResult> results,
                            PlanStatus status, LocalDate drawnOn, LocalDate publishedOn, Lineage lineage, long version) {

    /** Longest written reason for a redraw. */
    public static final int REASON_MAX_LENGTH = 500;

    /** DRAWN → PUBLISHED (一公开) or DRAWN → SUPERSEDED (replaced by a redraw; stays public with the reason). */
    public enum PlanStatus { DRAWN, PUBLISHED, SUPERSEDED }

    /** Result of checking one organization. */
    public record CheckResult(String inspectorId, boolean problemsFound, String findings, LocalDate checkedOn) {
    }

    /**
     * Where a plan stands among the draws of its slots.
     *
     * @param generation       0 for the first draw of its slots, n for the n-th redraw
     * @param redrawOf         the plan this one replaced (null for a first draw)
     * @param redrawReason     the written reason it was redrawn for (null for a first draw)
     * @param supersededBy     the redraw that replaced this plan (null while it stands)
     * @param supersededReason the written reason of that redraw
     */
    public record Lineage(int generation, String redrawOf, String redrawReason, String supersededBy, String supersededReason,
                          LocalDate supersededOn) {
        public static final Lineage FIRST = new Lineage(0, null, null, null, null, null);
    }

    public SpotCheckPlan {
        types = types == null ? List.of() : types.stream().distinct().sorted().toList();
        lineage = lineage == null ? Lineage.FIRST : lineage;
    }

    public static Transitioned<SpotCheckPlan, DomainEvent> draw(String id, String authorityCode, int year, Collection<OrganizationType> types,
                                                   int ratioBasisPoints, String seed, List<String> population, List<Inspector> pool,
                                                   SpotCheckPolicy policy, LocalDate on) {
        return draw(id, authorityCode, year, types, ratioBasisPoints, seed, population, pool, policy, on, Lineage.FIRST);
    }

    private static Transitioned<SpotCheckPlan, DomainEvent> draw(String id, String authorityCode, int year, Collection<OrganizationType> types,
                                                    int ratioBasisPoints, String seed, List<String> population, List<Inspector> pool,
                                                    SpotCheckPolicy policy, LocalDate on, Lineage lineage) {
        if (seed == null || seed.isBlank()) {
            throw new InvalidFields("SPOT_CHECK_PLAN_INVALID", List.of(new FieldProblem("/seed", "REQUIRED", "须记录随机种子")));
        }
        requireRatio(authorityCode, ratioBasisPoints, policy);
        List<String> sorted = population.stream().distinct().sorted().toList();
        List<String> drawn = SeededDraw.drawOrganizations(seed, sorted, SeededDraw.sampleSize(sorted.size(), ratioBasisPoints));
        Map<String, List<String>> assignments = SeededDraw.assignInspectors(seed, drawn, pool, policy.inspectorsPerOrganization());
        String digest = SeededDraw.populationDigest(sorted);
        SpotCheckPlan plan = new SpotCheckPlan(id, authorityCode, year, types == null ? List.of() : List.copyOf(types), ratioBasisPoints,
                seed, SeededDraw.METHOD, sorted, digest, List.copyOf(pool), assignments, Map.of(), PlanStatus.DRAWN, on, null, lineage, 1);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("planId", id);
        attributes.put("regionCode", authorityCode);
        attributes.put("seed", seed);
        attributes.put("method", SeededDraw.METHOD);
        if (policy.listsPopulationOf(sorted.size())) {
            attributes.put("population", sorted);
        }
        attributes.put("populationSize", sorted.size());
        attributes.put("populationDigest", digest);
        attributes.put("selected", drawn);
        attributes.put("types", plan.types().stream().map(Enum::name).toList());
        attributes.put("year", year);
        if (lineage.redrawOf() != null) {
            attributes.put("redrawOf", lineage.redrawOf());
            attributes.put("generation", lineage.generation());
        }
        return new Transitioned<>(plan, new DomainEvent("plan-drawn", null, PlanStatus.DRAWN.name(), lineage.redrawReason(),
                Map.of("ratioBasisPoints", ratioBasisPoints, "assignments", assignments), attributes));
    }

    /** @throws RuleViolation when the ratio is below the legal minimum of the authority's level (or above 100 %) */
    public static void requireRatio(String authorityCode, int ratioBasisPoints, SpotCheckPolicy policy) {
        ratioProblem(authorityCode, ratioBasisPoints, policy)
                .ifPresent(p -> RuleViolation.throwIfAny("SPOT_CHECK_PLAN_INVALID", List.of(p)));
    }

    private static Optional<FieldProblem> ratioProblem(String authorityCode, int ratioBasisPoints, SpotCheckPolicy policy) {
        int minimum = policy.minimumFor(new RegistrationAuthority(authorityCode).level());
        if (ratioBasisPoints < minimum || ratioBasisPoints > 10_000) {
            return Optional.of(new FieldProblem("/ratioBasisPoints", "RATIO_BELOW_MINIMUM",
                    "抽查比例不得低于本级法定最低比例" + minimum / 100.0 + "%"));
        }
        return Optional.empty();
    }

    /**
     * The slots this plan holds: one per organization type it covers (every type when {@link #types()} is
     * empty), each {@code authority:year#generation}. The store keeps them unique, so a first draw
     * (generation 0) of a slot already drawn is refused, and of two redraws of the same plan only one
     * gets generation n+1. A superseded plan keeps its slots: they stay taken.
     */
    public Map<OrganizationType, String> drawSlots() {
        return slotsOf(authorityCode, year, types, lineage.generation());
    }

    /** The slots of a draw of {@code types} (empty: every type) of {@code generation}. */
    public static Map<OrganizationType, String> slotsOf(String authorityCode, int year, Collection<OrganizationType> types,
                                                        int generation) {
        Map<OrganizationType, String> slots = new TreeMap<>();
        for (OrganizationType t : types == null || types.isEmpty() ? List.of(OrganizationType.values()) : types) {
            slots.put(t, authorityCode + ":" + year + "#" + generation);
        }
        return slots;
    }

    /**
     * A redraw of this plan (重新抽取): a new plan for the same authority, year, types and ratio, from a new
     * server seed, the current population and the current roster; generation + 1, with the written reason.
     * Only a plan that still stands (DRAWN) may be redrawn: a published plan's results are out, and a
     * superseded plan already has its redraw.
     */
    public Transitioned<SpotCheckPlan, DomainEvent> redraw(String newId, String reason, String newSeed, List<String> newPopulation,
                                              List<Inspector> pool, SpotCheckPolicy policy, LocalDate on) {
        requireRedrawable();
        String why = requireReason(reason);
        return draw(newId, authorityCode, year, types, ratioBasisPoints, newSeed, newPopulation, pool, policy, on,
                new Lineage(lineage.generation() + 1, id, why, null, null, null));
    }

    /**
     * This plan replaced by {@code redrawId} for {@code reason}: SUPERSEDED, kept with its draw (and any
     * result already recorded) for the public record. No event of its own: the redraw's plan-drawn
     * event names this plan ({@code redrawOf}) and carries the reason.
     */
    public SpotCheckPlan supersededBy(String redrawId, String reason, LocalDate on) {
        requireRedrawable();
        String why = requireReason(reason);
        return new SpotCheckPlan(id, authorityCode, year, types, ratioBasisPoints, seed, method, population, populationDigest,
                inspectorPool, assignments, results, PlanStatus.SUPERSEDED, drawnOn, publishedOn,
                new Lineage(lineage.generation(), lineage.redrawOf(), lineage.redrawReason(), redrawId, why, on), version + 1);
    }

    private void requireRedrawable() {
        if (status == PlanStatus.SUPERSEDED) {
            throw new ClosedGate("SPOT_CHECK_SUPERSEDED", "抽查计划" + id + "已被重新抽取（新计划" + lineage.supersededBy()
                    + "），不能再次重新抽取；如确需再次重新抽取，请对" + lineage.supersededBy() + "提出并写明理由");
        }
        if (status == PlanStatus.PUBLISHED) {
            throw new ClosedGate("SPOT_CHECK_PUBLISHED", "抽查计划" + id + "的结果已公开，不能重新抽取；发现问题请通过执法程序处理");
        }
    }

    /** @return the reason, stripped */
    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFields("REASON_REQUIRED", List.of(new FieldProblem("/reason", "REASON_REQUIRED",
                    "重新抽取须写明书面理由（如：抽取范围有误、名录有误），理由将与原抽取结果一并公开；请填写理由（/reason）后重新提交")));
        }
        String stripped = reason.strip();
        if (stripped.length() > REASON_MAX_LENGTH) {
            throw new InvalidFields("REASON_TOO_LONG", List.of(new FieldProblem("/reason", "REASON_TOO_LONG",
                    "理由不得超过" + REASON_MAX_LENGTH + "字，请精简后重新提交")));
        }
        return stripped;
    }

    /** The digest of the population as stored now; differs from {@link #populationDigest()} when the list was altered. */
    public String currentPopulationDigest() {
        return SeededDraw.populationDigest(population);
    }

    /** What an auditor gets by re-running the recorded draw; equal to {@link #assignments()} when untampered. */
    public Map<String, List<String>> replay(SpotCheckPolicy policy) {
        List<String> drawn = SeededDraw.drawOrganizations(seed, population, SeededDraw.sampleSize(population.size(), ratioBasisPoints));
        return SeededDraw.assignInspectors(seed, drawn, inspectorPool, inspectorsPerOrganization(policy));
    }

    /** The number of inspectors the plan was drawn with (a later change of configuration does not alter a replay). */
    int inspectorsPerOrganization(SpotCheckPolicy policy) {
        return assignments.values().stream().findFirst().map(List::size).orElse(policy.inspectorsPerOrganization());
    }

    public Transitioned<SpotCheckPlan, DomainEvent> recordResult(String organizationId, CheckResult result) {
        if (status != PlanStatus.DRAWN) {
            throw new IllegalTransition("spot-check", status.name(), "recordResult");
        }
        List<String> assigned = assignments.get(organizationId);
        if (assigned == null) {
            throw new RuleViolation("NOT_DRAWN", List.of(new FieldProblem("/organizationId", "NOT_DRAWN", "该组织未被抽中")));
        }
        if (!assigned.contains(result.inspectorId())) {
            throw new RuleViolation("NOT_ASSIGNED", List.of(new FieldProblem("/inspectorId", "NOT_ASSIGNED", "仅被抽中的检查人员可记录结果")));
        }
        Map<String, CheckResult> next = new LinkedHashMap<>(results);
        next.put(organizationId, result);
        SpotCheckPlan n = new SpotCheckPlan(id, authorityCode, year, types, ratioBasisPoints, seed, method, population, populationDigest,
                inspectorPool, assignments, next, status, drawnOn, publishedOn, lineage, version + 1);
        return new Transitioned<>(n, new DomainEvent("result-recorded", status.name(), status.name(), null,
                Map.of("organizationId", organizationId, "inspectorId", result.inspectorId()),
                Map.of("planId", id, "regionCode", authorityCode,
                        "result", result.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS")));
    }

    /** 一公开: published once every drawn organization has a result. */
    public Transitioned<SpotCheckPlan, DomainEvent> publish(LocalDate on) {
        if (status != PlanStatus.DRAWN) {
            throw new IllegalTransition("spot-check", status.name(), "publish");
        }
        List<String> missing = assignments.keySet().stream().filter(o -> !results.containsKey(o)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("RESULTS_MISSING", List.of(new FieldProblem("/results", "RESULTS_MISSING",
                    "尚有" + missing.size() + "个组织未记录检查结果")));
        }
        SpotCheckPlan n = new SpotCheckPlan(id, authorityCode, year, types, ratioBasisPoints, seed, method, population, populationDigest,
                inspectorPool, assignments, results, PlanStatus.PUBLISHED, drawnOn, on, lineage, version + 1);
        return new Transitioned<>(n, new DomainEvent("published", status.name(), PlanStatus.PUBLISHED.name(), null,
                Map.of("publishedOn", on.toString()), Map.of("planId", id, "regionCode", authorityCode)));
    }
}
