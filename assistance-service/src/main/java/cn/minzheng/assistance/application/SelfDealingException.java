package cn.minzheng.assistance.application;

/** 回避: the actor is the applicant of the case, or a member of its household; another staff member must act. */
public class SelfDealingException extends RuntimeException {
    private final String number;
    private final ApplicationCommand command;
    private final Link link;

    /** How the actor is tied to the case. */
    public enum Link {
        /** the actor's account submitted the case */
        OWNER,
        /** one of the actor's ID numbers is a member of the case's household */
        HOUSEHOLD_MEMBER
    }

    public SelfDealingException(String number, ApplicationCommand command, Link link) {
        super(command + " on " + number + " refused: the actor is " + link + " of the case", null, false, false);
        this.number = number;
        this.command = command;
        this.link = link;
    }

    public String number() {
        return number;
    }

    public ApplicationCommand command() {
        return command;
    }

    public Link link() {
        return link;
    }
}
