package cn.minzheng.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The devstack's identity provider: OpenID Connect (authorization code with PKCE) for the console,
 * with the demo users on a Chinese login page, and the old token issuer's scripted endpoints
 * ({@code POST /token}, {@code GET /.well-known/jwks.json}) for tests, the benchmark and the docs — every
 * token signed with the same key. Never part of compose: production logs in at Keycloak.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}
