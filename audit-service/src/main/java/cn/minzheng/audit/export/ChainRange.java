package cn.minzheng.audit.export;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.regex.Pattern;

/**
 * The range of a chain export: the chain ({@code <topic>-<partition>}), its first sequence (1 when
 * not given) and its last (the head when not given; capped at the head).
 */
public record ChainRange(String chain, long first, Long to) {

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,200}-\\d{1,6}");

    /** The range, or the 400 problem {@code invalid-range}. */
    public static ChainRange parse(String chain, Long from, Long to) {
        if (chain == null || !CHAIN.matcher(chain).matches() || (from != null && from < 1)
                || (to != null && from != null && to < from)) {
            throw new ValidationProblem(
                    FieldProblem.withMessage("/chain", "invalid-range", "chain <topic>-<partition>, 1 <= from <= to"));
        }
        return new ChainRange(chain, from == null ? 1 : from, to);
    }
}
