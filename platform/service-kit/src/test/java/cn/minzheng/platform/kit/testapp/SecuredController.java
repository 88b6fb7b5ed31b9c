package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Endpoints behind the kit's security chain. */
@RestController
class SecuredController {

    @GetMapping("/api/me")
    Mono<Principal> me() {
        return CurrentPrincipal.require();
    }

    @GetMapping("/api/clerk/cases/{region}/{owner}")
    Mono<Map<String, Object>> clerkCase(@PathVariable String region, @PathVariable String owner) {
        return CurrentPrincipal.require().map(p -> {
            AccessPolicy.requireMayActOn(p, region, owner);
            return Map.<String, Object>of("region", region, "owner", owner);
        });
    }

    /** A route family the gateway admits only AUDITOR and INSPECTOR on (WebAppTestBase's route-roles). */
    @GetMapping({"/api/family/cases", "/api/family/public/list"})
    Mono<Map<String, Object>> family() {
        return Mono.just(Map.of("ok", true));
    }

    @Configuration
    static class Rules {
        @Bean
        ServiceAuthorizationRules testRules() {
            // the family's path rule admits any valid token: the route-roles gate must still refuse
            return rules -> rules.pathMatchers(HttpMethod.GET, "/api/clerk/**").hasAnyRole("CLERK", "ADMIN")
                    .pathMatchers("/api/family/**").authenticated();
        }
    }
}
