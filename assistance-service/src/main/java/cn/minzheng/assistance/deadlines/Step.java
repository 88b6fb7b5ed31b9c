package cn.minzheng.assistance.deadlines;

/** Steps whose time limits a program declares. The clock of each starts when the named event happens. */
public enum Step {
    /** 乡镇 starts the investigation (home visit) after acceptance — 低保 3 working days [57]§15 */
    START_INVESTIGATION,
    /** 乡镇 investigation and preliminary opinion after acceptance — 特困 15 working days [43]§13 */
    TOWNSHIP_OPINION,
    /** county decision after publicity ends — 低保 10 [57]§20, 特困 15 [43]§17 */
    COUNTY_DECISION,
    /** written refusal notice after a denial or non-acceptance — 3 working days [57]§21 */
    REFUSAL_NOTICE,
    /** whole case from acceptance — 低保 30 working days [57]§22 */
    WHOLE_CASE,
    /**
     * the applicant's reply to a 一次性告知 [57]§10: by when the missing items must be supplied, counted
     * in working days from the request (configuration, caseRules.supplementReplyWorkingDays)
     */
    SUPPLEMENT_REPLY;

    /**
     * Whether the applicant keeps this time limit (the reply to a 一次性告知), not the office: such a
     * deadline shows in the case and in {@code /due}, but is counted apart from the office's overdue cases.
     */
    public boolean keptByApplicant() {
        return this == SUPPLEMENT_REPLY;
    }
}
