package cn.minzheng.platform.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code POST /token} accepts: {@code {"sub","name","roles":[...],"region","aud":[...]}}; {@code aud} is
 * optional (absent: the issuer's platform audience; {@code []}: a token without one, for negative tests).
 * Parsing never throws anything but {@link InvalidTokenRequest}.
 *
 * @param audience the requested {@code aud}, {@code null} for the issuer's own
 */
record TokenRequest(String subject, String name, List<String> roles, String region, List<String> audience) {

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
        List<String> audience = null;
        Object rawAudience = json.get("aud");
        if (rawAudience != null) {
            if (rawAudience instanceof List<?> list && list.size() <= 10
                    && list.stream().allMatch(a -> a instanceof String text && !text.isBlank() && text.length() <= 128)) {
                audience = list.stream().map(String.class::cast).toList();
            } else {
                errors.add(new FieldError("/aud", "INVALID", "aud 必须是至多 10 个非空字符串的数组"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTokenRequest(errors);
        }
        String subject = (String) sub;
        return new TokenRequest(subject, name == null ? subject : (String) name, List.copyOf(roles), (String) region, audience);
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
