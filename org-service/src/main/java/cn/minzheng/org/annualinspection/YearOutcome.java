package cn.minzheng.org.annualinspection;

/** What one organization's inspection year came to, fixed by the after-deadline sweep. */
public enum YearOutcome {
    /** Registered less than 6 months before 31 December of the reported year. */
    EXEMPT,
    /** Filed, not yet graded when the sweep ran. */
    FILED,
    QUALIFIED,
    BASICALLY_QUALIFIED,
    UNQUALIFIED,
    /** No report by the deadline: not inspected. */
    NOT_FILED;

    public static YearOutcome of(Grade grade) {
        return switch (grade) {
            case QUALIFIED -> QUALIFIED;
            case BASICALLY_QUALIFIED -> BASICALLY_QUALIFIED;
            case UNQUALIFIED -> UNQUALIFIED;
        };
    }
}
