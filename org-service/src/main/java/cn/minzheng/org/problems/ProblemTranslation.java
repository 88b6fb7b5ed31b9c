package cn.minzheng.org.problems;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;

import java.util.List;
import java.util.Locale;

/**
 * Turns the domain's own errors into the service kit's problem types (RFC 9457 via the kit's
 * handler): rule violations → 400 with every field problem, refusals → 422 with every field problem,
 * closed gates and illegal transitions → 409.
 */
public final class ProblemTranslation {
    private ProblemTranslation() {
    }

    public static Throwable translate(Throwable e) {
        if (e instanceof RuleViolation v) {
            return validation(v.code(), v.problems());
        }
        if (e instanceof Refusal r) {
            return new UnprocessableProblem(kebab(r.code()), r.problems().get(0).message(), kit(r.problems()));
        }
        if (e instanceof ClosedGate g) {
            return new ConflictProblem(kebab(g.code()), g.getMessage());
        }
        if (e instanceof IllegalTransition t) {
            return new IllegalTransitionProblem(t.status(), null, t.action());
        }
        return e;
    }

    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw validation(null, problems);
        }
    }

    static ValidationProblem validation(String code, List<FieldProblem> problems) {
        List<cn.minzheng.platform.kit.problem.FieldProblem> errors = kit(problems);
        return code == null ? new ValidationProblem(errors) : new ValidationProblem(kebab(code), errors);
    }

    private static List<cn.minzheng.platform.kit.problem.FieldProblem> kit(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> cn.minzheng.platform.kit.problem.FieldProblem.withMessage(p.pointer(), kebab(p.code()), p.message()))
                .toList();
    }

    /** {@code NAME_TAKEN} → {@code name-taken}, the style of the platform's stable codes. */
    public static String kebab(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
