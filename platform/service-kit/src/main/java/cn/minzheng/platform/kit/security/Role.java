package cn.minzheng.platform.kit.security;

import java.util.Locale;
import java.util.Optional;

/** The roles a token may carry (claim {@code roles}); authorities are {@code ROLE_<NAME>}. */
public enum Role {
    /** 群众: applies for assistance, sees only their own cases. */
    CITIZEN(false),
    /** 社会组织经办人: acts for an organization, sees only its own filings. */
    ORG_AGENT(false),
    /** 经办人 (乡镇/街道, 县级): accepts, investigates, reviews. */
    CLERK(true),
    /** 审批人: decides. */
    APPROVER(true),
    /** 登记管理机关: registers social organizations. */
    REGISTRAR(true),
    /** 执法检查人员: spot checks and penalties. */
    INSPECTOR(true),
    /** 法制审核人员: legal review of major decisions. */
    LEGAL_REVIEWER(true),
    /** 审计人员: reads the audit trail within their region. */
    AUDITOR(true),
    /** 系统管理员: everything, everywhere. */
    ADMIN(true);

    private final boolean staff;

    Role(boolean staff) {
        this.staff = staff;
    }

    /** Staff act by region; applicants (citizens, organization agents) only on what they own. */
    public boolean isStaff() {
        return staff;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named in a token, case-insensitive; empty for names we do not know. */
    public static Optional<Role> fromClaim(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
