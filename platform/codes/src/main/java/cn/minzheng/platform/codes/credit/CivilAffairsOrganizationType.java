package cn.minzheng.platform.codes.credit;

import java.util.Optional;

/** 机构类别 of a credit code whose registration authority is 民政 ({@code 5}), GB 32100-2015 table 1. */
public enum CivilAffairsOrganizationType {
    /** 社会团体. */
    SOCIAL_ORGANIZATION('1'),
    /** 民办非企业单位 (社会服务机构). */
    PRIVATE_NON_ENTERPRISE_UNIT('2'),
    /** 基金会. */
    FOUNDATION('3'),
    /** 其他. */
    OTHER('9');

    private final char code;

    CivilAffairsOrganizationType(char code) {
        this.code = code;
    }

    /** The character at position 2 of the credit code. */
    public char code() {
        return code;
    }

    public static Optional<CivilAffairsOrganizationType> ofCode(char code) {
        for (CivilAffairsOrganizationType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
