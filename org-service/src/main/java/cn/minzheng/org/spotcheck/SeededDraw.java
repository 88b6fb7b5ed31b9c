package cn.minzheng.org.spotcheck;

import cn.minzheng.org.problems.FieldProblem;
import cn.minzheng.org.problems.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 双随机 draw that anyone can re-run: each organization is ranked by SHA-256 of
 * {@code seed + ":" + organizationId} (hex, ascending) and the first {@code n} are drawn; for each drawn
 * organization the inspectors without a conflict are ranked by SHA-256 of
 * {@code seed + ":" + organizationId + ":" + inspectorId} and the first {@code k} assigned. The result
 * depends only on the seed and the sets, never on their order — so recording seed, population and
 * pool is enough for an auditor to get the same draw.
 */
public final class SeededDraw {
    /** Name of the method, recorded with every plan. */
    public static final String METHOD = "SHA256-RANK-V1";

    private SeededDraw() {
    }

    /** How many to draw: the ratio of the population, rounded up, at least one of a non-empty population. */
    public static int sampleSize(int population, int basisPoints) {
        if (population == 0) {
            return 0;
        }
        long n = ((long) population * basisPoints + 9_999) / 10_000;
        return (int) Math.max(1, Math.min(population, n));
    }

    public static List<String> drawOrganizations(String seed, List<String> population, int n) {
        return population.stream().distinct()
                .sorted(Comparator.comparing((String id) -> rank(seed + ":" + id)).thenComparing(id -> id))
                .limit(n).toList();
    }

    /** @throws RuleViolation when an organization has fewer than {@code k} inspectors free of conflicts */
    public static Map<String, List<String>> assignInspectors(String seed, List<String> organizations, List<Inspector> pool, int k) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String org : organizations) {
            List<String> chosen = pool.stream().filter(i -> !i.conflictsWith().contains(org)).map(Inspector::id).distinct()
                    .sorted(Comparator.comparing((String id) -> rank(seed + ":" + org + ":" + id)).thenComparing(id -> id))
                    .limit(k).toList();
            if (chosen.size() < k) {
                problems.add(new FieldProblem("/authorityCode", "TOO_FEW_INSPECTORS",
                        "组织" + org + "可用（无需回避）的检查人员不足" + k + "名；请由管理员在本机关执法检查人员名录中补充人员后再抽取"));
            }
            result.put(org, chosen);
        }
        RuleViolation.throwIfAny("TOO_FEW_INSPECTORS", problems);
        return result;
    }

    /**
     * SHA-256 (hex) of the population ids in draw order (the recorded order: ascending ids) joined by
     * {@code "\n"}: names a large population in the plan-drawn event without listing it, and lets an
     * auditor check that the population a replay reads is the one drawn from.
     */
    public static String populationDigest(List<String> population) {
        return rank(String.join("\n", population));
    }

    static String rank(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
