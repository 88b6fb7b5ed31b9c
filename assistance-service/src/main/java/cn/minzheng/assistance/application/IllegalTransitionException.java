package cn.minzheng.assistance.application;

/** The command is not allowed in the case's current state (or for its kind): a 409 problem. */
public class IllegalTransitionException extends RuntimeException {
    private final ApplicationStatus from;
    private final ApplicationCommand command;

    public IllegalTransitionException(ApplicationStatus from, ApplicationCommand command, String why) {
        super(command + " is not allowed in state " + from + (why == null ? "" : ": " + why));
        this.from = from;
        this.command = command;
    }

    public ApplicationStatus from() {
        return from;
    }

    public ApplicationCommand command() {
        return command;
    }
}
