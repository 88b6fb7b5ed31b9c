package cn.minzheng.org.enforcement;

import cn.minzheng.org.problems.FieldProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One penalty of a proposal or decision. {@code amountFen} for fines and confiscation, {@code months}
 * for 限期停止活动; zero otherwise.
 */
public record Penalty(PenaltyKind kind, long amountFen, int months) {

    public static Penalty of(PenaltyKind kind) {
        return new Penalty(kind, 0, 0);
    }

    public static Penalty fine(long fen) {
        return new Penalty(PenaltyKind.FINE, fen, 0);
    }

    /** Form problems of a list of penalties, pointing into {@code pointer}/i. */
    public static List<FieldProblem> formProblems(String pointer, List<Penalty> penalties) {
        List<FieldProblem> problems = new ArrayList<>();
        if (penalties == null || penalties.isEmpty()) {
            problems.add(new FieldProblem(pointer, "REQUIRED", "至少写明一项处罚"));
            return problems;
        }
        for (int i = 0; i < penalties.size(); i++) {
            Penalty p = penalties.get(i);
            String at = pointer + "/" + i;
            if (p == null || p.kind() == null) {
                problems.add(new FieldProblem(at + "/kind", "REQUIRED", "请填写处罚种类"));
                continue;
            }
            boolean money = p.kind() == PenaltyKind.FINE || p.kind() == PenaltyKind.CONFISCATION;
            if (money ? p.amountFen() <= 0 : p.amountFen() != 0) {
                problems.add(new FieldProblem(at + "/amount", money ? "AMOUNT_REQUIRED" : "AMOUNT_NOT_APPLICABLE",
                        money ? "罚款、没收违法所得须写明金额" : "该处罚种类不涉及金额"));
            }
            boolean months = p.kind() == PenaltyKind.SUSPENSION;
            if (months ? p.months() <= 0 : p.months() != 0) {
                problems.add(new FieldProblem(at + "/months", months ? "MONTHS_REQUIRED" : "MONTHS_NOT_APPLICABLE",
                        months ? "限期停止活动须写明期限（月）" : "该处罚种类不涉及期限"));
            }
        }
        if (penalties.stream().filter(p -> p != null && p.kind() != null).map(Penalty::kind).distinct().count()
                < penalties.stream().filter(p -> p != null && p.kind() != null).count()) {
            problems.add(new FieldProblem(pointer, "DUPLICATE_KIND", "同一处罚种类只能写一次"));
        }
        return problems;
    }

    public static long total(List<Penalty> penalties, PenaltyKind kind) {
        return penalties.stream().filter(p -> p.kind() == kind).mapToLong(p -> kind == PenaltyKind.SUSPENSION ? p.months() : p.amountFen()).sum();
    }

    public static int heaviestRank(List<Penalty> penalties) {
        return penalties.stream().mapToInt(p -> p.kind().rank()).max().orElse(-1);
    }

    /** For events: {@code {kind, amountFen, months}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name());
        m.put("amountFen", amountFen);
        m.put("months", months);
        return m;
    }
}
