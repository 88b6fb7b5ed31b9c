package cn.minzheng.platform.kit.problem;

/**
 * 403: the caller is known but may not do this (role or region or ownership).
 *
 * <p>When the refusal concerns a case (an application, an organization, ...), {@link #targetRegion()}
 * names the case's 区划 code so the refusal is recorded under that region too, where its auditors look;
 * it is never part of the answer.
 */
public class ForbiddenProblem extends ProblemException {

    public static final String CODE = "forbidden";

    private final String targetRegion;

    public ForbiddenProblem() {
        super(403, CODE);
        this.targetRegion = null;
    }

    public ForbiddenProblem(String code, Object... args) {
        super(403, code, args);
        this.targetRegion = null;
    }

    private ForbiddenProblem(String targetRegion, String code, Object... args) {
        super(403, code, args);
        this.targetRegion = targetRegion == null || targetRegion.isBlank() ? null : targetRegion;
    }

    /** A refusal to act on a case of region {@code targetRegion} (the case's 区划 code). */
    public static ForbiddenProblem onCaseIn(String targetRegion, String code, Object... args) {
        return new ForbiddenProblem(targetRegion, code, args);
    }

    /** This refusal, now known to concern a case of {@code region}; itself when it already names one. */
    public ForbiddenProblem inRegion(String region) {
        if (targetRegion != null || region == null || region.isBlank()) {
            return this;
        }
        ForbiddenProblem located = new ForbiddenProblem(region, code(), args().toArray());
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** The 区划 code of the case the caller was refused on; {@code null} when not about one case. */
    public String targetRegion() {
        return targetRegion;
    }
}
