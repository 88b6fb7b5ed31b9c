package cn.minzheng.audit;

import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Only auditors and administrators read the trail; region scoping happens per query (CallerScope). */
@Configuration(proxyBeanMethods = false)
public class AccessRules {

    @Bean
    ServiceAuthorizationRules auditRules() {
        return rules -> rules.pathMatchers("/api/v1/audit/**").hasAnyRole("AUDITOR", "ADMIN");
    }
}
