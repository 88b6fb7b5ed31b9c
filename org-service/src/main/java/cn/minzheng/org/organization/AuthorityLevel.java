package cn.minzheng.org.organization;

/** Level of a registration authority (民政部门). */
public enum AuthorityLevel {
    COUNTY, CITY, PROVINCE, MINISTRY;

    public boolean atLeast(AuthorityLevel other) {
        return compareTo(other) >= 0;
    }
}
