package cn.minzheng.assistance.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an actor may ask of a case; each names the roles allowed and the event it produces (the
 * {@code <event>} part of {@code minzheng.assistance.application.<event>.v1} in the events catalogue).
 */
public enum ApplicationCommand {
    SUBMIT("submitted", Role.CITIZEN),
    /** 一次性告知 */
    REQUEST_SUPPLEMENT("supplement-requested", Role.CLERK),
    RESUBMIT("resubmitted", Role.CITIZEN),
    ACCEPT("accepted", Role.CLERK),
    /** 不予受理 */
    REFUSE_ACCEPTANCE("not-accepted", Role.CLERK),
    RECORD_HOME_VISIT("home-visit-recorded", Role.CLERK),
    RECORD_ECONOMIC_CHECK("economic-check-recorded", Role.CLERK),
    GIVE_OPINION("opinion-issued", Role.CLERK),
    START_PUBLICITY("publicity-started", Role.CLERK),
    RECORD_OBJECTION("objection-raised", Role.CLERK),
    COMPLETE_PUBLICITY("publicity-completed", Role.CLERK),
    APPROVE("approved", Role.APPROVER),
    DENY("denied", Role.APPROVER),
    WITHDRAW("withdrawn", Role.CITIZEN),
    /** 先行救助 */
    PAY_FIRST("emergency-paid", Role.CLERK, Role.APPROVER),
    COMPLETE_RECORD("record-completed", Role.CLERK),
    /** by a clerk, or by the service when the re-check falls due */
    START_RECHECK("recheck-due", Role.CLERK, Role.SYSTEM),
    CONFIRM_RECHECK("rechecked", Role.APPROVER),
    CHANGE_AMOUNT("amount-changed", Role.APPROVER),
    /**
     * 调标: the service recalculates the case with a new standard (a recalculation run started by ADMIN or
     * an APPROVER, or by adding the standard); the same {@code amount-changed} event, with the standard
     */
    ADJUST_TO_STANDARD("amount-changed", Role.SYSTEM),
    SUSPEND("suspended", Role.APPROVER),
    RESUME("resumed", Role.APPROVER),
    /** 渐退期 */
    START_PHASE_OUT("gradual-exit-started", Role.APPROVER),
    TERMINATE("terminated", Role.APPROVER),
    /** 物质+服务: a care-service provider from the organizations in good standing */
    ASSIGN_PROVIDER("provider-assigned", Role.CLERK),
    /** the assigned provider lost its good standing (严重违法失信名单, deregistered, revoked) */
    FLAG_PROVIDER("provider-flagged", Role.SYSTEM);

    private final String eventName;
    private final Set<Role> roles;

    ApplicationCommand(String eventName, Role first, Role... more) {
        this.eventName = eventName;
        this.roles = EnumSet.of(first, more);
    }

    public String eventName() {
        return eventName;
    }

    public Set<Role> roles() {
        return roles;
    }
}
