package cn.minzheng.org.naming;

import cn.minzheng.org.organization.OrganizationType;

/**
 * What uniqueness compares: within one registration authority, the same field and the same form,
 * and the same distinctive part (字号 for 民办非企业/基金会; for a 社会团体, whose name is region +
 * field + form, the field itself is the distinctive part).
 */
public record NameClaim(String authorityCode, String field, String form, String distinctive) {

    public static NameClaim of(String authorityCode, OrganizationType type, OrganizationName name) {
        String distinctive = type == OrganizationType.SOCIAL_GROUP ? "" : name.tradeName();
        return new NameClaim(authorityCode, name.field(), name.form(), distinctive);
    }

    /** A stable key, unique per claim; the store puts a unique index on it. */
    public String key() {
        return authorityCode + "|" + field + "|" + form + "|" + distinctive;
    }
}
