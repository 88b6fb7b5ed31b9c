package cn.minzheng.org.enforcement;

/** Commands on an enforcement case; {@link CaseTransitions} says where each may be used. */
public enum CaseAction {
    RECORD_EVIDENCE, PROPOSE, SERVE_NOTICE, RECORD_STATEMENT, REQUEST_HEARING, SCHEDULE_HEARING, HOLD_HEARING,
    APPROVE_REVIEW, RETURN_REVIEW, DECIDE, DELIVER, EXECUTE, CLOSE
}
