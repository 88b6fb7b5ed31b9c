package cn.minzheng.org.configuration;

import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The service's own role gates per path (defence in depth behind the gateway's
 * {@code minzheng.security.route-roles}); region and ownership are checked per case by AccessPolicy
 * in the services.
 */
@Configuration(proxyBeanMethods = false)
public class RouteRolesConfiguration {

    @Bean
    ServiceAuthorizationRules orgAuthorizationRules() {
        return rules -> rules
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/applications", "/api/v1/orgs/organizations/*/change-applications",
                        "/api/v1/orgs/organizations/*/deregistration-applications",
                        "/api/v1/orgs/applications/*/resubmission").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/applications/*/supplement-request", "/api/v1/orgs/applications/*/acceptance",
                        "/api/v1/orgs/applications/*/approval", "/api/v1/orgs/applications/*/refusal",
                        "/api/v1/orgs/organizations/*/revocation", "/api/v1/orgs/inspection-campaigns",
                        "/api/v1/orgs/inspection-campaigns/*/sweep", "/api/v1/orgs/annual-reports/*/grading").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/organizations/*/annual-reports").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.GET, "/api/v1/orgs/deadlines/**").hasAnyRole("REGISTRAR", "AUDITOR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks/*/redraw").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks", "/api/v1/orgs/spot-checks/*/publication")
                .hasAnyRole("INSPECTOR", "REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/spot-checks/*/results").hasAnyRole("INSPECTOR", "ADMIN")
                .pathMatchers("/api/v1/orgs/spot-checks/**").hasAnyRole("INSPECTOR", "REGISTRAR", "AUDITOR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases", "/api/v1/orgs/ban-cases").hasAnyRole("INSPECTOR", "REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/ban-cases/*/legal-review").hasAnyRole("LEGAL_REVIEWER", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/ban-cases/*/decision", "/api/v1/orgs/ban-cases/*/delivery",
                        "/api/v1/orgs/ban-cases/*/execution", "/api/v1/orgs/ban-cases/*/closing").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/credit-lists/sweep", "/api/v1/orgs/credit-list-entries/*/removal")
                .hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/credit-list-entries/*/removal-application").hasAnyRole("ORG_AGENT", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases/*/legal-review").hasAnyRole("LEGAL_REVIEWER", "ADMIN")
                .pathMatchers(HttpMethod.POST, "/api/v1/orgs/enforcement-cases/*/hearing-schedule").hasAnyRole("REGISTRAR", "ADMIN")
                .pathMatchers("/api/v1/orgs/admin/fixtures/**").hasRole("ADMIN");
    }
}
