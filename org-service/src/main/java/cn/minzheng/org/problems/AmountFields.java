package cn.minzheng.org.problems;

import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.money.Fen;

import java.util.List;
import java.util.function.Function;

/**
 * A yuan amount typed into a request field, read by the platform's one money rule
 * ({@link Fen#parseYuan}: digits, at most 12 before the point and two after, never negative). A
 * field that breaks it is listed as a {@link FieldProblem} at the field's pointer with Fen's Chinese
 * message, under the code org-service has always answered, {@value #CODE}.
 */
public final class AmountFields {
    public static final String CODE = "INVALID_AMOUNT";

    private AmountFields() {
    }

    /** Fen of the amount, or 0 with a problem added. */
    public static long fen(String yuan, String pointer, List<FieldProblem> problems) {
        return read(Fen::parseYuan, yuan, pointer, problems);
    }

    /**
     * Fen of a balance that may be a deficit (an organization's net assets: {@code "-1200.50"},
     * {@link Fen#parseSignedYuan}), or 0 with a problem added.
     */
    public static long signedFen(String yuan, String pointer, List<FieldProblem> problems) {
        return read(Fen::parseSignedYuan, yuan, pointer, problems);
    }

    private static long read(Function<String, Fen> rule, String yuan, String pointer, List<FieldProblem> problems) {
        try {
            return rule.apply(yuan).value();
        } catch (InvalidCodeException e) {
            problems.add(new FieldProblem(pointer, CODE, e.messageZh()));
            return 0;
        }
    }
}
