package cn.minzheng.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may see the registry. Outside the local stack the dashboard and the {@code /eureka/**} API
 * both need HTTP basic credentials (clients put them in their {@code defaultZone} URL); with
 * {@code minzheng.registry.local=true} (set by the {@code local} profile) everything is open.
 * Health and the Prometheus endpoint stay open so orchestrators can probe it and Prometheus can scrape it
 * (compose serves both on the management port, which it does not publish).
 */
@Configuration
@EnableConfigurationProperties(DashboardSecurity.RegistrySecurityProperties.class)
public class DashboardSecurity {

    @Bean
    SecurityFilterChain registrySecurity(HttpSecurity http, RegistrySecurityProperties properties) throws Exception {
        // Eureka clients send no CSRF token; the API is machine-to-machine.
        http.csrf(csrf -> csrf.disable());
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.local()) {
            http.authorizeHttpRequests(a -> a.anyRequest().permitAll());
        } else {
            http.authorizeHttpRequests(a -> a
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                    .anyRequest().authenticated());
            http.httpBasic(Customizer.withDefaults());
        }
        return http.build();
    }

    /** {@code minzheng.registry.local}: true opens dashboard and API without a password (local stack only). */
    @ConfigurationProperties("minzheng.registry")
    record RegistrySecurityProperties(boolean local) {
    }
}
