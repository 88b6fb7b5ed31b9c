package cn.minzheng.org.enforcement;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.org.problems.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 裁量基准: for each violation and its circumstances, the penalty kinds allowed and the fine and
 * suspension ranges. Published as configured (the law requires the benchmarks to be public).
 */
public record DiscretionBenchmarks(Map<String, Map<Severity, Band>> violations) {

    public DiscretionBenchmarks {
        violations = violations == null ? Map.of() : Map.copyOf(violations);
    }

    /**
     * One cell of the table.
     *
     * @param legalBasis the article the violation and its penalties come from
     */
    public record Band(Set<PenaltyKind> kinds, long minFineFen, long maxFineFen, int maxSuspensionMonths, String legalBasis) {
        public Band {
            kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        }
    }

    /** The legal basis of the band for a violation and its circumstances, or null when none is configured. */
    public String legalBasis(String violation, Severity severity) {
        Map<Severity, Band> bands = violation == null ? null : violations.get(violation);
        Band band = bands == null || severity == null ? null : bands.get(severity);
        return band == null ? null : band.legalBasis();
    }

    public boolean knows(String violation) {
        return violations.containsKey(violation);
    }

    /** Every way {@code penalties} leave the band of {@code violation} × {@code severity}; empty when inside. */
    public List<FieldProblem> check(String violation, Severity severity, List<Penalty> penalties, String pointer) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Severity, Band> bands = violations.get(violation);
        if (bands == null) {
            problems.add(new FieldProblem("/violation", "UNKNOWN_VIOLATION", "裁量基准中没有该违法行为：" + violation));
            return problems;
        }
        Band band = bands.get(severity);
        if (band == null) {
            problems.add(new FieldProblem("/severity", "NO_BAND", "裁量基准未规定该情节的处罚"));
            return problems;
        }
        for (int i = 0; i < penalties.size(); i++) {
            Penalty p = penalties.get(i);
            String at = pointer + "/" + i;
            if (!band.kinds().contains(p.kind())) {
                problems.add(new FieldProblem(at + "/kind", "KIND_OUTSIDE_BENCHMARK",
                        "该违法行为" + severityText(severity) + "情节下，裁量基准不允许" + p.kind().text() + "；允许："
                                + band.kinds().stream().sorted().map(PenaltyKind::text).collect(java.util.stream.Collectors.joining("、"))
                                + "。请改选允许的处罚种类"));
            } else if (p.kind() == PenaltyKind.FINE && (p.amountFen() < band.minFineFen() || p.amountFen() > band.maxFineFen())) {
                problems.add(new FieldProblem(at + "/amount", "FINE_OUTSIDE_BENCHMARK", "罚款应在" + Fen.of(band.minFineFen()).yuan() + "元至"
                        + Fen.of(band.maxFineFen()).yuan() + "元之间（裁量基准）"));
            } else if (p.kind() == PenaltyKind.SUSPENSION && p.months() > band.maxSuspensionMonths()) {
                problems.add(new FieldProblem(at + "/months", "SUSPENSION_OUTSIDE_BENCHMARK",
                        "限期停止活动不得超过" + band.maxSuspensionMonths() + "个月（裁量基准）"));
            }
        }
        return problems;
    }

    private static String severityText(Severity s) {
        return switch (s) {
            case MINOR -> "轻微";
            case GENERAL -> "一般";
            case SERIOUS -> "严重";
        };
    }

}
