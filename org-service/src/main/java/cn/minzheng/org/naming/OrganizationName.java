package cn.minzheng.org.naming;

/**
 * A name in its parts, as 《社会组织名称管理办法》 structures it: region + 字号 (trade name) +
 * field (行业/业务领域) + form (组织形式: 协会, 学会, 商会, 中心, 基金会…). A 社会团体 normally has no
 * trade name; 民办非企业单位 and 基金会 must have one.
 */
public record OrganizationName(String region, String tradeName, String field, String form) {

    public OrganizationName {
        region = trim(region);
        tradeName = trim(tradeName);
        field = trim(field);
        form = trim(form);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** The name as registered and shown. */
    public String fullName() {
        return region + tradeName + field + form;
    }
}
