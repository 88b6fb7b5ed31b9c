package cn.minzheng.org.problems;

import cn.minzheng.platform.kit.domain.IllegalTransition;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.ProblemMessages;

import java.util.List;
import java.util.Locale;

/**
 * 409 {@code illegal-transition}: {@code from}/{@code action} as the kit answers them, and a detail that
 * says the state in words and the steps possible from it (arguments 3 = Chinese, 4 = English of the
 * bundles' {@code illegal-transition.detail}). The words come from the bundles: {@code step.<aggregate>},
 * {@code step-state.<aggregate>.<STATUS>}, {@code step-action.<aggregate>.<action>} and
 * {@code step-next.<aggregate>.<STATUS>} (absent for a closed state); ProblemCatalogueTest checks the
 * possible steps against the transition tables.
 */
public class StepRefused extends IllegalTransitionProblem {
    static final ProblemMessages BUNDLES = new ProblemMessages(List.of("problems"));

    private final List<Object> args;

    public StepRefused(IllegalTransition t) {
        super(t.status(), null, t.action());
        this.args = List.of(String.valueOf(t.action()), String.valueOf(t.status()), "null",
                text(t, ProblemMessages.CHINESE), text(t, ProblemMessages.ENGLISH));
    }

    /** The refusal in {@code locale}: what the matter is, its state in words, the refused step and the possible ones. */
    public static String text(IllegalTransition t, Locale locale) {
        String aggregate = t.aggregate();
        String thing = find("step." + aggregate, locale, aggregate);
        String state = find("step-state." + aggregate + "." + t.status(), locale, String.valueOf(t.status()));
        String action = find("step-action." + aggregate + "." + t.action(), locale, String.valueOf(t.action()));
        return BUNDLES.find("step-next." + aggregate + "." + t.status(), locale, List.of())
                .map(next -> find("step-refusal.next", locale, "", thing, state, action, next))
                .orElseGet(() -> find("step-refusal.final", locale, "", thing, state, action));
    }

    private static String find(String key, Locale locale, String fallback, Object... args) {
        return BUNDLES.find(key, locale, List.of(args)).orElse(fallback);
    }

    @Override
    public List<Object> args() {
        return args;
    }
}
