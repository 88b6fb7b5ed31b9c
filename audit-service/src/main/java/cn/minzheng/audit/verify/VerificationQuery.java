package cn.minzheng.audit.verify;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A verification asked for: the chain ({@code <topic>-<partition>}) and an optional sequence range,
 * with the JSON pointers the caller used for each (the POST body's {@code /fromSequence}, the GET
 * query's {@code /from}), so a refusal names what the caller sent.
 */
public record VerificationQuery(String chain, Long from, Long to, String fromPointer, String toPointer) {

    static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,200}-\\d{1,6}");

    /** The query, or the 400 problem naming each bad parameter. */
    public static VerificationQuery parse(String chain, Long from, Long to, String chainPointer, String fromPointer,
            String toPointer) {
        List<FieldProblem> errors = new ArrayList<>();
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            errors.add(FieldProblem.withMessage(chainPointer, "invalid-chain", "chain is <topic>-<partition>"));
        }
        if (from != null && from < 1) {
            errors.add(FieldProblem.withMessage(fromPointer, "invalid-sequence", "sequences start at 1"));
        }
        if (to != null && (to < 1 || (from != null && to < from))) {
            errors.add(FieldProblem.withMessage(toPointer, "invalid-sequence", "to is at least from"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return new VerificationQuery(chain, from, to, fromPointer, toPointer);
    }

    /** A chain name, or the 400 problem {@code invalid-chain} at {@code pointer}. */
    public static String chain(String chain, String pointer) {
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            throw new ValidationProblem(FieldProblem.withMessage(pointer, "invalid-chain", "chain is <topic>-<partition>"));
        }
        return chain;
    }
}
