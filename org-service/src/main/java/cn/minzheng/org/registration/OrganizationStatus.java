package cn.minzheng.org.registration;

/** Registration status of an organization. */
public enum OrganizationStatus {
    REGISTERED,
    /** 注销: ended on its own application after liquidation. */
    DEREGISTERED,
    /** 撤销: registration withdrawn as a sanction. */
    REVOKED;

    public boolean active() {
        return this == REGISTERED;
    }
}
