package cn.minzheng.assistance.application;

/** The actor's role may not give this command: a 403 problem. */
public class RoleNotAllowedException extends RuntimeException {
    public RoleNotAllowedException(Role role, ApplicationCommand command) {
        super("role " + role + " may not " + command);
    }
}
