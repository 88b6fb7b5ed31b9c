package cn.minzheng.org.spotcheck;

import cn.minzheng.org.events.DomainEvent;
import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.IllegalTransition;
import cn.minzheng.org.problems.RuleViolation;
import cn.minzheng.org.registration.RegistrationAuthority;
import cn.minzheng.org.registration.Transitioned;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 双随机、一公开 spot-check plan: the recorded population (ascending ids) and its SHA-256 digest,
 * ratio, seed and method, the drawn organizations with their inspectors, the results, and publication
 * once every result is in.
 *
 * @param populationDigest {@link SeededDraw#populationDigest} of the population at the draw (null on plans
 *                         drawn before digests were recorded)
 */
public record SpotCheckPlan(String id, String authorityCode, int year, int ratioBasisPoints, String seed, String method,
                            List<String> population, String populationDigest, List<Inspector> inspectorPool,
                            Map<String, List<String>> assignments, Map<String, CheckResult> results,
                            PlanStatus status, LocalDate drawnOn, LocalDate publishedOn, long version) {

    public enum PlanStatus { DRAWN, PUBLISHED }

    /** Result of checking one organization. */
    public record CheckResult(String inspectorId, boolean problemsFound, String findings, LocalDate checkedOn) {
    }

    public static Transitioned<SpotCheckPlan> draw(String id, String authorityCode, int year, int ratioBasisPoints,
                                                   String seed, List<String> population, List<Inspector> pool,
                                                   SpotCheckPolicy policy, LocalDate on) {
        List<FieldProblem> problems = new ArrayList<>();
        int minimum = policy.minimumFor(new RegistrationAuthority(authorityCode).level());
        if (ratioBasisPoints < minimum || ratioBasisPoints > 10_000) {
            problems.add(new FieldProblem("/ratioBasisPoints", "RATIO_BELOW_MINIMUM",
                    "抽查比例不得低于本级法定最低比例" + minimum / 100.0 + "%"));
        }
        if (seed == null || seed.isBlank()) {
            problems.add(new FieldProblem("/seed", "REQUIRED", "须记录随机种子"));
        }
        RuleViolation.throwIfAny("SPOT_CHECK_PLAN_INVALID", problems);
        List<String> sorted = population.stream().distinct().sorted().toList();
        List<String> drawn = SeededDraw.drawOrganizations(seed, sorted, SeededDraw.sampleSize(sorted.size(), ratioBasisPoints));
        Map<String, List<String>> assignments = SeededDraw.assignInspectors(seed, drawn, pool, policy.inspectorsPerOrganization());
        String digest = SeededDraw.populationDigest(sorted);
        SpotCheckPlan plan = new SpotCheckPlan(id, authorityCode, year, ratioBasisPoints, seed, SeededDraw.METHOD, sorted, digest,
                List.copyOf(pool), assignments, Map.of(), PlanStatus.DRAWN, on, null, 1);
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
        return new Transitioned<>(plan, new DomainEvent("plan-drawn", null, PlanStatus.DRAWN.name(), null,
                Map.of("ratioBasisPoints", ratioBasisPoints, "assignments", assignments), attributes));
    }

    /** The digest of the population as stored now; differs from {@link #populationDigest()} when the list was altered. */
    public String currentPopulationDigest() {
        return SeededDraw.populationDigest(population);
    }

    /** What an auditor gets by re-running the recorded draw; equal to {@link #assignments()} when untampered. */
    public Map<String, List<String>> redraw(SpotCheckPolicy policy) {
        List<String> drawn = SeededDraw.drawOrganizations(seed, population, SeededDraw.sampleSize(population.size(), ratioBasisPoints));
        return SeededDraw.assignInspectors(seed, drawn, inspectorPool, inspectorsPerOrganization(policy));
    }

    /** The number of inspectors the plan was drawn with (a later change of configuration does not alter a replay). */
    int inspectorsPerOrganization(SpotCheckPolicy policy) {
        return assignments.values().stream().findFirst().map(List::size).orElse(policy.inspectorsPerOrganization());
    }

    public Transitioned<SpotCheckPlan> recordResult(String organizationId, CheckResult result) {
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
        SpotCheckPlan n = new SpotCheckPlan(id, authorityCode, year, ratioBasisPoints, seed, method, population, populationDigest,
                inspectorPool, assignments, next, status, drawnOn, publishedOn, version + 1);
        return new Transitioned<>(n, new DomainEvent("result-recorded", status.name(), status.name(), null,
                Map.of("organizationId", organizationId, "inspectorId", result.inspectorId()),
                Map.of("planId", id, "regionCode", authorityCode,
                        "result", result.problemsFound() ? "PROBLEMS_FOUND" : "NO_PROBLEMS")));
    }

    /** 一公开: published once every drawn organization has a result. */
    public Transitioned<SpotCheckPlan> publish(LocalDate on) {
        if (status != PlanStatus.DRAWN) {
            throw new IllegalTransition("spot-check", status.name(), "publish");
        }
        List<String> missing = assignments.keySet().stream().filter(o -> !results.containsKey(o)).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("RESULTS_MISSING", List.of(new FieldProblem("/results", "RESULTS_MISSING",
                    "尚有" + missing.size() + "个组织未记录检查结果")));
        }
        SpotCheckPlan n = new SpotCheckPlan(id, authorityCode, year, ratioBasisPoints, seed, method, population, populationDigest,
                inspectorPool, assignments, results, PlanStatus.PUBLISHED, drawnOn, on, version + 1);
        return new Transitioned<>(n, new DomainEvent("published", status.name(), PlanStatus.PUBLISHED.name(), null,
                Map.of("publishedOn", on.toString()), Map.of("planId", id, "regionCode", authorityCode)));
    }
}
