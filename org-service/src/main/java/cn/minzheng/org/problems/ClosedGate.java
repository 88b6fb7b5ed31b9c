package cn.minzheng.org.problems;

/**
 * A due-process step that has not happened yet blocks the command (becomes a 409 problem with the
 * gate's code): no decision without a served notice and the end of the rights period, no major
 * decision without legal review.
 */
public class ClosedGate extends RuntimeException {
    private final String code;

    public ClosedGate(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
