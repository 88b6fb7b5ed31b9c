package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.problem.ProblemMessages;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 422 {@code rule-violated}, the kit's {@link UnprocessableProblem} (well-formed, but a rule of the step
 * says no — as org's rule refusals): arguments 0 = the rule's code, 1 = the Chinese text, 2 = the English
 * text (the bundles' {@code rule-violated.detail} picks one); the legal source, if any, as the member
 * {@code source}.
 */
public class RuleRefused extends UnprocessableProblem {
    private final List<Object> args;
    private final Map<String, Object> properties;

    public RuleRefused(RuleViolationException r) {
        super("rule-violated", r.getMessage(), List.of());
        this.args = List.of(r.code(), text(r, ProblemMessages.CHINESE), text(r, ProblemMessages.ENGLISH));
        this.properties = r.rule().source() == null ? Map.of() : Map.of("source", r.rule().source());
    }

    static String text(RuleViolationException r, Locale locale) {
        return CaseTexts.BUNDLES.find(r.rule().messageKey(), locale, r.args()).orElse(r.getMessage());
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
