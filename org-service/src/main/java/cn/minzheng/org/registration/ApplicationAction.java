package cn.minzheng.org.registration;

/** Commands on a registration application. */
public enum ApplicationAction {
    /** 一次性告知: every missing item, told once. */
    REQUEST_SUPPLEMENT,
    RESUBMIT,
    ACCEPT,
    APPROVE,
    /** Refusal, always with written reasons. */
    REFUSE
}
