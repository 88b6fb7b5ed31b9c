package cn.minzheng.platform.embedded;

import java.util.List;

/**
 * A person the devstack and the system tests log in as. All staff work in 随州市曾都区 (421303);
 * the 乡镇 clerk and the citizen belong to one 乡镇/街道 under it.
 *
 * @param key     short name used in {@code tokens.json} ({@code citizen}, {@code clerk}, …)
 * @param subject the token's {@code sub}
 * @param name    display name ({@code name} claim)
 * @param roles   role names from the contract ({@code CITIZEN}, {@code CLERK}, …)
 * @param region  行政区划 code prefix the person may act on
 */
public record DemoUser(String key, String subject, String name, List<String> roles, String region) {

    /** 随州市曾都区. */
    public static final String COUNTY_REGION = "421303";
    /** A 乡镇/街道 (9-digit code) under 曾都区. */
    public static final String TOWNSHIP_REGION = "421303001";

    public DemoUser {
        roles = List.copyOf(roles);
    }

    /** Citizen, 乡镇 clerk, county approver, registrar, inspector, legal reviewer, auditor, org agent, admin. */
    public static List<DemoUser> all() {
        return List.of(
                new DemoUser("citizen", "citizen-421303-0001", "张三", List.of("CITIZEN"), TOWNSHIP_REGION),
                new DemoUser("clerk", "clerk-421303001-01", "李敏", List.of("CLERK"), TOWNSHIP_REGION),
                new DemoUser("approver", "approver-421303-01", "陈刚", List.of("APPROVER"), COUNTY_REGION),
                new DemoUser("registrar", "registrar-421303-01", "赵静", List.of("REGISTRAR"), COUNTY_REGION),
                new DemoUser("inspector", "inspector-421303-01", "孙磊", List.of("INSPECTOR"), COUNTY_REGION),
                new DemoUser("legalReviewer", "legal-421303-01", "周洁", List.of("LEGAL_REVIEWER"), COUNTY_REGION),
                new DemoUser("auditor", "auditor-421303-01", "吴昊", List.of("AUDITOR"), COUNTY_REGION),
                new DemoUser("orgAgent", "org-agent-0001", "郑华", List.of("ORG_AGENT"), COUNTY_REGION),
                new DemoUser("admin", "admin-421303", "系统管理员", List.of("ADMIN"), COUNTY_REGION));
    }
}
