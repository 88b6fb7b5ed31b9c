package cn.minzheng.console.security;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is looking at a page: the platform claims of the user's access token (sub, name, roles, region). */
public record Viewer(String subject, String name, Set<String> roles, String region) {

    public static final Viewer ANONYMOUS = new Viewer(null, null, Set.of(), null);

    public static Viewer of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return ANONYMOUS;
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority a : authentication.getAuthorities()) {
            if (a.getAuthority().startsWith("ROLE_")) {
                roles.add(a.getAuthority().substring(5));
            }
        }
        Object name = user.getClaims().get("name");
        Object region = user.getClaims().get("region");
        return new Viewer(user.getSubject(), name == null ? user.getSubject() : name.toString(), Set.copyOf(roles),
                region == null ? null : region.toString());
    }

    public boolean loggedIn() {
        return subject != null;
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean staff() {
        return has("CLERK") || has("APPROVER") || has("ADMIN");
    }

    /** The first page of the user's role. */
    public String homePath() {
        if (has("CITIZEN")) {
            return "/console/citizen/cases";
        }
        if (has("CLERK") || has("APPROVER")) {
            return "/console/staff/queue";
        }
        if (has("ORG_AGENT")) {
            return "/console/agent";
        }
        if (has("REGISTRAR")) {
            return "/console/registrar/queue";
        }
        if (has("INSPECTOR") || has("LEGAL_REVIEWER")) {
            return "/console/enforcement";
        }
        if (has("AUDITOR")) {
            return "/console/audit";
        }
        return "/console/public/organizations";
    }

    /** The role names in Chinese, for the header. */
    public String roleNames() {
        return String.join("、", roles.stream().map(ViewerRoles::name).toList());
    }
}
