package cn.minzheng.org.deadlines;

/**
 * Time limits of one registration matter, in calendar days counted from acceptance of complete
 * documents: the statutory limit (法定时限) and the shorter locally promised one (承诺时限).
 */
public record MatterLimit(int statutoryDays, int promisedDays) {
    public MatterLimit {
        if (statutoryDays <= 0 || promisedDays <= 0 || promisedDays > statutoryDays) {
            throw new IllegalArgumentException("need 0 < promised <= statutory, got " + promisedDays + "/" + statutoryDays);
        }
    }
}
