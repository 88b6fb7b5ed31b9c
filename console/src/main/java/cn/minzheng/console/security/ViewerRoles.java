package cn.minzheng.console.security;

/** The platform's roles in Chinese. */
public final class ViewerRoles {
    private ViewerRoles() {
    }

    public static String name(String role) {
        return switch (role) {
            case "CITIZEN" -> "群众";
            case "CLERK" -> "经办人";
            case "APPROVER" -> "审批人";
            case "REGISTRAR" -> "登记管理人员";
            case "INSPECTOR" -> "执法检查人员";
            case "LEGAL_REVIEWER" -> "法制审核人员";
            case "AUDITOR" -> "审计人员";
            case "ORG_AGENT" -> "社会组织经办人";
            case "ADMIN" -> "系统管理员";
            case "SYSTEM" -> "系统";
            default -> role;
        };
    }
}
