package cn.minzheng.org.creditcode;

import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.platform.codes.credit.CreditCode;

/**
 * Issues the 统一社会信用代码 on approval (GB 32100-2015): authority code 5 (民政), the type digit,
 * the registration authority's region code, and a GB 11714 organization code whose body is the
 * configured prefix followed by the authority's next serial number in base 31. The serial comes
 * from an atomic per-authority counter, so two approvals never get the same code.
 */
public final class CreditCodeIssuance {
    private final String bodyPrefix;
    private final long capacity;

    /** @param bodyPrefix leading characters of the organization-code body, e.g. {@code MJ} as 民政 uses */
    public CreditCodeIssuance(String bodyPrefix) {
        if (bodyPrefix == null || bodyPrefix.length() > 4
                || !bodyPrefix.chars().allMatch(c -> CreditCode.ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("prefix must be 0-4 characters of the credit-code alphabet: " + bodyPrefix);
        }
        this.bodyPrefix = bodyPrefix;
        this.capacity = (long) Math.pow(31, 8 - bodyPrefix.length());
    }

    /** How many codes one authority can issue with this prefix. */
    public long capacity() {
        return capacity;
    }

    /** @param serial the authority's serial, from 1 upwards */
    public CreditCode issue(OrganizationType type, String authorityRegionCode, long serial) {
        if (serial < 1 || serial >= capacity) {
            throw new IllegalArgumentException("serial out of range 1.." + (capacity - 1) + ": " + serial);
        }
        String digits = CreditCode.organizationBodyOf(serial);
        String body = bodyPrefix + digits.substring(bodyPrefix.length());
        return CreditCode.generate(CreditCode.CIVIL_AFFAIRS_AUTHORITY, type.creditCodeType(), authorityRegionCode, body);
    }
}
