package cn.minzheng.org.naming;

import cn.minzheng.org.problems.FieldProblem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * "A same or similar organization already exists in the same area" ([SG]§13, a mandatory refusal ground),
 * read from the name structure of [名称]: within the same registration authority (the area), among the
 * names in use of the same organization type (the forms of {@code sameTypeForms}), a name is similar to
 * another when
 * <ul>
 *   <li>its field and distinctive part (字号; none for a 社会团体) are the same and only the form differs
 *       (随州市曾都区天文学会 beside 随州市曾都区天文协会), when {@code sameFieldAnyForm}; or</li>
 *   <li>its form is the same and the field, or the 字号 with the same field, differs by at most
 *       {@code maxEdits} characters (insert, delete, replace), both being at least {@code minLengthForEdits}
 *       characters long (天文科普 beside 天文科学).</li>
 * </ul>
 * Identical claims are {@link NameUniqueness}'s (400 {@code name-taken}); this rule refuses with 422.
 *
 * @param source where the rule comes from (configuration names it beside the figures)
 */
public record NameSimilarity(boolean sameFieldAnyForm, int maxEdits, int minLengthForEdits, String source) {

    public NameSimilarity {
        if (maxEdits < 0 || minLengthForEdits < 1) {
            throw new IllegalArgumentException("max-edits ≥ 0 and min-length-for-edits ≥ 1");
        }
        source = source == null || source.isBlank() ? "《社会团体登记管理条例》第十三条" : source;
    }

    public static NameSimilarity defaults() {
        return new NameSimilarity(true, 1, 3, null);
    }

    /**
     * The in-use name {@code claim} is similar to, among {@code inUse} (names of the same authority), or empty.
     *
     * @param sameTypeForms the forms of the applicant's organization type
     * @param applicantId   the organization applying (its own name never counts), or null
     */
    public Optional<NameRecord> similarTo(NameClaim claim, Set<String> sameTypeForms, Collection<NameRecord> inUse, String applicantId,
                                          LocalDate on) {
        return inUse.stream()
                .filter(r -> r.state() == NameRecord.NameState.IN_USE)
                .filter(r -> r.claim().authorityCode().equals(claim.authorityCode()))
                .filter(r -> applicantId == null || !applicantId.equals(r.organizationId()))
                .filter(r -> sameTypeForms.contains(r.claim().form()))
                .filter(r -> !r.claim().key().equals(claim.key()))
                .filter(r -> similar(claim, r.claim()))
                .findFirst();
    }

    boolean similar(NameClaim a, NameClaim b) {
        boolean sameDistinctive = a.distinctive().equals(b.distinctive());
        boolean sameField = a.field().equals(b.field());
        if (sameFieldAnyForm && sameField && sameDistinctive) {
            return true; // only the form differs
        }
        if (!a.form().equals(b.form())) {
            return false;
        }
        if (sameDistinctive) {
            return close(a.field(), b.field());
        }
        return sameField && close(a.distinctive(), b.distinctive());
    }

    private boolean close(String x, String y) {
        if (maxEdits == 0 || x.codePointCount(0, x.length()) < minLengthForEdits || y.codePointCount(0, y.length()) < minLengthForEdits) {
            return false;
        }
        return edits(x, y) <= maxEdits;
    }

    /** Levenshtein distance over code points. */
    static int edits(String x, String y) {
        int[] a = x.codePoints().toArray();
        int[] b = y.codePoints().toArray();
        int[] prev = new int[b.length + 1];
        int[] cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length];
    }

    /** The 422 field problem naming the ground and the similar organization, with the next step. */
    public FieldProblem problem(NameRecord similar, String pointer) {
        return new FieldProblem(pointer, "SIMILAR_ORGANIZATION_REGISTERED", "本登记管理机关辖区内已登记相同或者相似的社会组织“" + similar.fullName()
                + "”，依法不予登记（" + source + "）；请调整名称中的业务领域或字号后重新申请");
    }
}
