package cn.minzheng.org.problems;

/** A command that the current status of an aggregate does not allow (becomes a 409 problem). */
public class IllegalTransition extends RuntimeException {
    private final String aggregate;
    private final String status;
    private final String action;

    public IllegalTransition(String aggregate, String status, String action) {
        super(aggregate + " in status " + status + " does not allow " + action);
        this.aggregate = aggregate;
        this.status = status;
        this.action = action;
    }

    public String aggregate() {
        return aggregate;
    }

    public String status() {
        return status;
    }

    public String action() {
        return action;
    }
}
