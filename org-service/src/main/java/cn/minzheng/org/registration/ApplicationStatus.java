package cn.minzheng.org.registration;

/** Where a registration application stands. */
public enum ApplicationStatus {
    APPLIED, SUPPLEMENT_REQUESTED, RESUBMITTED, ACCEPTED, APPROVED, REFUSED;

    public boolean decided() {
        return this == APPROVED || this == REFUSED;
    }
}
