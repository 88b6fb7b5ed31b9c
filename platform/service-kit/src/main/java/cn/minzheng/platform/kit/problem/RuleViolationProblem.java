package cn.minzheng.platform.kit.problem;

import cn.minzheng.platform.kit.domain.RuleViolation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 422 {@code rule-violated}: the kit's answer to a domain {@link RuleViolation} (docs/contracts.md,
 * "Status codes": a well-formed request a rule refuses). Arguments of the bundles'
 * {@code rule-violated.detail}: 0 = the rule's code, 1 = its Chinese text, 2 = its English text, each
 * from the service's bundle key {@link RuleViolation#messageKey()} ({@code rule.<code>}) formatted with
 * the violation's arguments (the log message when a bundle lacks the key); the legal source, if any, is
 * the member {@code source}. The violation is the cause and its message what logs show.
 *
 * <p>The kit's problem handler answers with this any {@code RuleViolation} a service did not translate; a
 * service translates first when its answer says more (org-service: the rule's own code and
 * {@code errors[]}).
 */
public class RuleViolationProblem extends UnprocessableProblem {

    public static final String CODE = "rule-violated";

    private final List<Object> args;
    private final Map<String, Object> properties;

    /** {@code texts}: the bundles holding the service's {@code rule.<code>} texts. */
    public RuleViolationProblem(RuleViolation violation, ProblemMessages texts) {
        super(CODE, violation.getMessage(), List.of(), violation);
        this.args = List.of(violation.code(), text(violation, texts, ProblemMessages.CHINESE),
                text(violation, texts, ProblemMessages.ENGLISH));
        this.properties = violation.source().<Map<String, Object>>map(s -> Map.of("source", s)).orElse(Map.of());
    }

    /** The rule's text in {@code locale}; the log message when no bundle has it. */
    public static String text(RuleViolation violation, ProblemMessages texts, Locale locale) {
        return texts.find(violation.messageKey(), locale, violation.args()).orElse(violation.getMessage());
    }

    @Override
    public List<Object> args() {
        return args;
    }

    @Override
    public Map<String, Object> properties() {
        return properties;
    }
}
