package cn.minzheng.platform.kit.domain;

import java.util.Objects;

/**
 * A command that the current status of an aggregate does not allow. Services answer it 409
 * ({@code illegal-transition}, with the status and the action) — the state, not the request, is what
 * stands in the way.
 */
public class IllegalTransition extends RuntimeException {
    private final String aggregate;
    private final String status;
    private final String action;

    /**
     * @param aggregate the aggregate's kind, e.g. {@code enforcement-case}
     * @param status    its current status, e.g. {@code DECIDED}
     * @param action    the refused command, e.g. {@code PROPOSE}
     */
    public IllegalTransition(String aggregate, String status, String action) {
        super(aggregate + " in status " + status + " does not allow " + action);
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
        this.status = Objects.requireNonNull(status, "status");
        this.action = Objects.requireNonNull(action, "action");
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
