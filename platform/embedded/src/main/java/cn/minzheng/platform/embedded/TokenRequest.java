package cn.minzheng.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code POST /token} accepts: {@code {"sub","name","roles":[...],"region"}}. Parsing never
 * throws anything but {@link InvalidTokenRequest}.
 */
record TokenRequest(String subject, String name, List<String> roles, String region) {

    /** The role names of the contract (docs/contracts.md, Identity). */
    static final Set<String> ROLES = Set.of("CITIZEN", "ORG_AGENT", "CLERK", "APPROVER", "REGISTRAR",
            "INSPECTOR", "LEGAL_REVIEWER", "AUDITOR", "ADMIN");

    private static final Pattern REGION = Pattern.compile("\\d{2,12}");

    static TokenRequest from(Map<String, Object> json) {
        List<FieldError> errors = new ArrayList<>();
        Object sub = json.get("sub");
        if (!(sub instanceof String s) || s.isBlank()) {
            errors.add(new FieldError("/sub", "REQUIRED", "sub 必填，且为非空字符串"));
        } else if (s.length() > 128) {
            errors.add(new FieldError("/sub", "TOO_LONG", "sub 不能超过 128 个字符"));
        }
        Object name = json.get("name");
        if (name != null && !(name instanceof String)) {
            errors.add(new FieldError("/name", "INVALID", "name 必须是字符串"));
        }
        List<String> roles = new ArrayList<>();
        Object rawRoles = json.get("roles");
        if (!(rawRoles instanceof List<?> list) || list.isEmpty()) {
            errors.add(new FieldError("/roles", "REQUIRED", "roles 必填，且为非空数组"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                Object role = list.get(i);
                if (role instanceof String r && ROLES.contains(r)) {
                    roles.add(r);
                } else {
                    errors.add(new FieldError("/roles/" + i, "UNKNOWN_ROLE", "未知角色: " + role + "，可用: " + ROLES));
                }
            }
        }
        Object region = json.get("region");
        if (region != null && !(region instanceof String r && REGION.matcher(r).matches())) {
            errors.add(new FieldError("/region", "INVALID", "region 必须是 2 至 12 位数字的行政区划代码前缀"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidTokenRequest(errors);
        }
        String subject = (String) sub;
        return new TokenRequest(subject, name == null ? subject : (String) name, List.copyOf(roles), (String) region);
    }

    record FieldError(String pointer, String code, String message) {
    }

    static final class InvalidTokenRequest extends RuntimeException {
        private final List<FieldError> errors;

        InvalidTokenRequest(List<FieldError> errors) {
            super("invalid token request: " + errors);
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }
}
