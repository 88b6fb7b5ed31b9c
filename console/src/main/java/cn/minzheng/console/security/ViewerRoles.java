package cn.minzheng.console.security;

import java.util.Map;

/** The platform's roles in Chinese (an unknown role is shown as it is). */
public final class ViewerRoles {
    private static final Map<String, String> NAMES = Map.of(
            "CITIZEN", "群众", "CLERK", "经办人", "APPROVER", "审批人", "REGISTRAR", "登记管理人员",
            "INSPECTOR", "执法检查人员", "LEGAL_REVIEWER", "法制审核人员", "AUDITOR", "审计人员",
            "ORG_AGENT", "社会组织经办人", "ADMIN", "系统管理员", "SYSTEM", "系统");

    private ViewerRoles() {
    }

    public static String name(String role) {
        return NAMES.getOrDefault(role, role);
    }
}
