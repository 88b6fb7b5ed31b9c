package cn.minzheng.org.organization;

/** The three kinds of social organization, with their type digit in the 统一社会信用代码 (GB 32100). */
public enum OrganizationType {
    /** 社会团体 */
    SOCIAL_GROUP('1'),
    /** 民办非企业单位 / 社会服务机构 */
    PRIVATE_NON_ENTERPRISE('2'),
    /** 基金会 */
    FOUNDATION('3');

    private final char creditCodeType;

    OrganizationType(char creditCodeType) {
        this.creditCodeType = creditCodeType;
    }

    public char creditCodeType() {
        return creditCodeType;
    }
}
