package cn.minzheng.assistance.deadlines;

/**
 * A step's limit in working days: the statutory one and the (shorter or equal) one the region promised
 * to the public (承诺时限). Due dates use the promised limit; the statutory one is kept to report
 * legal breaches separately.
 */
public record StepLimit(int statutoryDays, int promisedDays) {
    public StepLimit {
        if (statutoryDays <= 0 || promisedDays <= 0 || promisedDays > statutoryDays) {
            throw new IllegalArgumentException("limits must be positive and promised <= statutory");
        }
    }
}
