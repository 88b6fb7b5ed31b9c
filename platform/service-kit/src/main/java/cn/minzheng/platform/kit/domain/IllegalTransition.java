package cn.minzheng.platform.kit.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * A command that the current status of an aggregate does not allow. Services answer it 409
 * ({@code illegal-transition}, with the status and the action) — the state, not the request, is what
 * stands in the way.
 *
 * <p>An optional {@link #reason()} says why for the logs (e.g. "先行救助 is only for 急难型 临时救助" when
 * the table refuses the command for that kind of case); it is part of {@link #getMessage()} and never of
 * the answer, whose text says the state in words.
 */
public class IllegalTransition extends RuntimeException {
    private final String aggregate;
    private final String status;
    private final String action;
    private final String reason;

    /**
     * @param aggregate the aggregate's kind, e.g. {@code enforcement-case}
     * @param status    its current status, e.g. {@code DECIDED}
     * @param action    the refused command, e.g. {@code PROPOSE}
     */
    public IllegalTransition(String aggregate, String status, String action) {
        this(aggregate, status, action, null);
    }

    /** As above, with why, for the logs ({@code null} or blank: none). */
    public IllegalTransition(String aggregate, String status, String action, String reason) {
        super(message(aggregate, status, action, reason));
        this.aggregate = Objects.requireNonNull(aggregate, "aggregate");
        this.status = Objects.requireNonNull(status, "status");
        this.action = Objects.requireNonNull(action, "action");
        this.reason = reason == null || reason.isBlank() ? null : reason;
    }

    private static String message(String aggregate, String status, String action, String reason) {
        String base = aggregate + " in status " + status + " does not allow " + action;
        return reason == null || reason.isBlank() ? base : base + ": " + reason;
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

    /** Why, for the logs; empty when the table alone says no. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
