package cn.minzheng.assistance.access;

import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Path rules on top of the kit's resource server. Finer checks (owner, region, the role a command
 * needs) are made per case by the workflow and the domain.
 */
@Configuration(proxyBeanMethods = false)
public class AssistanceAccessRules {

    @Bean
    ServiceAuthorizationRules assistanceRules() {
        return rules -> rules
                .pathMatchers(HttpMethod.GET, "/api/v1/assistance/public/**").permitAll()
                .pathMatchers("/v3/api-docs/**").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/v1/assistance/applications").hasRole("CITIZEN")
                .pathMatchers(HttpMethod.GET, "/api/v1/assistance/applications/mine").hasRole("CITIZEN")
                .pathMatchers(HttpMethod.POST, "/api/v1/assistance/standards").hasRole("ADMIN")
                // 调标 runs: started or resumed by ADMIN or an APPROVER (of the standard's region, checked by the
                // workflow); their progress read by staff
                .pathMatchers(HttpMethod.POST, "/api/v1/assistance/standards/*/recalculations",
                        "/api/v1/assistance/standards/*/recalculations/*/resumption").hasAnyRole("ADMIN", "APPROVER")
                .pathMatchers(HttpMethod.GET, "/api/v1/assistance/standards/*/recalculations",
                        "/api/v1/assistance/standards/*/recalculations/*")
                .hasAnyRole("CLERK", "APPROVER", "AUDITOR", "ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/v1/assistance/applications", "/api/v1/assistance/applications/due")
                .hasAnyRole("CLERK", "APPROVER", "AUDITOR", "ADMIN")
                .pathMatchers("/api/v1/assistance/**").authenticated();
    }
}
