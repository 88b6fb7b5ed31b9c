package cn.minzheng.org.problems;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;

import java.util.List;

import java.util.Locale;

/**
 * Turns the domain's own errors into the service kit's problem types (RFC 9457 via the kit's
 * handler), by the platform's one status rule (docs/contracts.md, issue 15 item 2): invalid fields →
 * 400 with every field problem, rule violations → 422 with every field problem, closed gates and
 * illegal transitions → 409.
 */
public final class ProblemTranslation {
    private ProblemTranslation() {
    }

    public static Throwable translate(Throwable e) {
        if (e instanceof InvalidFields f) {
            return validation(f.code(), f.problems());
        }
        if (e instanceof RuleViolation v) {
            return new RuleRefused(kebab(v.code()), v.problems().get(0).message(),
                    v.problems().stream().map(ProblemTranslation::field).toList());
        }
        if (e instanceof ClosedGate g) {
            return new ConflictProblem(kebab(g.code()), g.getMessage());
        }
        if (e instanceof IllegalTransition t) {
            return new StepRefused(t);
        }
        return e;
    }

    /** Request fields found invalid by a web adapter: 400 {@code validation-failed} naming each. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw validation(null, problems);
        }
    }

    /** Request fields found invalid by a web adapter, as the 400 {@code validation-failed} problem to answer. */
    public static ValidationProblem invalid(FieldProblem... problems) {
        return validation(null, List.of(problems));
    }

    /**
     * A field problem as the kit answers it: the Chinese message is argument 0 of the bundles'
     * {@code field.<code>} (the Chinese bundle shows it as it is, the English one says the rule in English).
     */
    static cn.minzheng.platform.kit.problem.FieldProblem field(FieldProblem p) {
        return new cn.minzheng.platform.kit.problem.FieldProblem(p.pointer(), kebab(p.code()), List.of(p.message()), p.message());
    }

    /** Field problems as the kit answers them (see {@link #field}). */
    public static List<cn.minzheng.platform.kit.problem.FieldProblem> fields(List<FieldProblem> problems) {
        return problems.stream().map(ProblemTranslation::field).toList();
    }

    static ValidationProblem validation(String code, List<FieldProblem> problems) {
        var errors = problems.stream().map(ProblemTranslation::field).toList();
        return new ValidationProblem(code == null ? ValidationProblem.CODE : kebab(code), errors);
    }

    /** {@code NAME_TAKEN} → {@code name-taken}, the style of the platform's stable codes. */
    public static String kebab(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
