package cn.minzheng.platform.kit.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A well-formed command that a domain rule refuses — it could succeed with other facts (income above
 * the standard, a 公示 still running, a penalty outside the 裁量基准). Every service answers it 422
 * (docs/contracts.md, "Status codes"); a step the aggregate's <em>state</em> does not allow is an
 * {@link IllegalTransition} (409) instead, a field malformed in itself a 400.
 *
 * <p>Plain Java, thrown by aggregates. It carries what an answer needs, and nothing a person reads:
 * <ul>
 *   <li>{@link #code()} — the stable code of the rule (e.g. {@code VISIT_STAFF}, {@code HEARING_REQUEST_LATE});
 *   <li>{@link #source()} — the legal source as a citation key (e.g. {@code [57]§16}), answered as its own
 *       member, never written into the Chinese text;
 *   <li>{@link #args()} — the arguments of the rule's text (already strings, as the problem bundles format them);
 *   <li>{@link #messageKey()} — where the service's bundles keep the text, {@code rule.<code>} unless the
 *       {@link Rule} says otherwise (several rules may share one code but not one text);
 *   <li>{@link #getMessage()} — English for logs only.
 * </ul>
 *
 * <p>How a service answers it: the kit's problem handler answers any {@code RuleViolation} that reaches it
 * untranslated as 422 {@code rule-violated} with the text from the service's bundle key
 * {@link #messageKey()} and the {@code source} member ({@code problem.RuleViolationProblem}); a service
 * with a richer answer translates first — org-service's subclass adds field problems and answers the
 * rule's own code with {@code errors[]}.
 */
public class RuleViolation extends RuntimeException {

    /**
     * A rule that can refuse: usually an enum of a service's rules with their legal sources.
     */
    public interface Rule {
        /** The stable code in the answer (several rules may share one). */
        String code();

        /** The legal source as a citation key, if the rule has one. */
        default Optional<String> source() {
            return Optional.empty();
        }

        /** The bundle key of the rule's text; {@code rule.<code>} by default. */
        default String messageKey() {
            return "rule." + code();
        }

        /** A rule known only by its code (and the legal source, if any). */
        static Rule of(String code, String source) {
            return new Coded(code, source);
        }

        static Rule of(String code) {
            return new Coded(code, null);
        }
    }

    private record Coded(String code, String legalSource) implements Rule {
        Coded {
            Objects.requireNonNull(code, "code");
            if (code.isBlank()) {
                throw new IllegalArgumentException("a rule needs a code");
            }
        }

        @Override
        public Optional<String> source() {
            return Optional.ofNullable(legalSource);
        }
    }

    private final Rule rule;
    private final List<Object> args;

    /**
     * @param rule    the rule that says no
     * @param message what logs show (English); people read the bundle text {@link #messageKey()}
     * @param args    the arguments of that text
     */
    public RuleViolation(Rule rule, String message, Object... args) {
        this(rule, message, Arrays.asList(args));
    }

    /** A rule known only by its code, without a legal source. */
    public RuleViolation(String code, String message, Object... args) {
        this(Rule.of(code), message, Arrays.asList(args));
    }

    protected RuleViolation(Rule rule, String message, List<?> args) {
        super(message != null ? message : Objects.requireNonNull(rule, "rule").code());
        this.rule = Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(rule.code(), "rule code");
        this.args = args == null ? List.of() : args.stream().map(a -> (Object) String.valueOf(a)).toList();
    }

    public Rule rule() {
        return rule;
    }

    /** The stable code of the rule. */
    public String code() {
        return rule.code();
    }

    /** The legal source (citation key), if any. */
    public Optional<String> source() {
        return rule.source();
    }

    /** The bundle key of the text people read. */
    public String messageKey() {
        return rule.messageKey();
    }

    /** The arguments of the text, as strings. */
    public List<Object> args() {
        return args;
    }
}
