package cn.minzheng.org.enforcement;

/** Commands on a 取缔 case; {@link BanTransitions} says where each may be used. */
public enum BanAction {
    RECORD_EVIDENCE, PROPOSE, SERVE_NOTICE, RECORD_STATEMENT, APPROVE_REVIEW, RETURN_REVIEW, DECIDE, DELIVER, EXECUTE, CLOSE
}
