package cn.minzheng.assistance.access;

import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Spring Security's request firewall refuses paths with an encoded slash, backslash, percent,
 * semicolon or NUL before any handler runs; without this handler the client gets a bare 400 with no
 * problem body. Local stand-in until the service kit answers these itself (the gateway does the same).
 */
@Configuration(proxyBeanMethods = false)
public class FirewallRejections {

    @Bean
    ServerExchangeRejectedHandler firewallRejectionProblem(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, new ProblemException(400, "path-rejected"));
    }
}
