package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ProblemMessages;

import java.util.List;
import java.util.Map;

/**
 * 422 {@code rule-violated}: arguments 0 = the rule's code, 1 = the Chinese text, 2 = the English text
 * (the bundles' {@code rule-violated.detail} picks one); the legal source, if any, as the member {@code source}.
 */
public class RuleRefused extends ProblemException {

    public RuleRefused(RuleViolationException r) {
        super(422, "rule-violated", r.getMessage(),
                List.of(r.code(), text(r, ProblemMessages.CHINESE), text(r, ProblemMessages.ENGLISH)),
                List.of(), r.rule().source() == null ? Map.of() : Map.of("source", r.rule().source()), null);
    }

    static String text(RuleViolationException r, java.util.Locale locale) {
        return CaseTexts.BUNDLES.find(r.rule().messageKey(), locale, r.args()).orElse(r.getMessage());
    }
}
