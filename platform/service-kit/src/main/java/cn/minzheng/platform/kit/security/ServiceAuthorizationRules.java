package cn.minzheng.platform.kit.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A service's path → role rules, added to the kit's filter chain after the public paths and before
 * "anything else needs a valid token". Declare one (or several, ordered with {@code @Order}) as a bean:
 * <pre>{@code
 * @Bean ServiceAuthorizationRules assistanceRules() {
 *     return rules -> rules
 *         .pathMatchers(HttpMethod.POST, "/api/v1/assistance/applications").hasRole("CITIZEN")
 *         .pathMatchers("/api/v1/assistance/applications/{no}/decision").hasAnyRole("APPROVER", "ADMIN");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ServiceAuthorizationRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec rules);
}
