package cn.minzheng.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from and whom they are for (docs/contracts.md, Identity).
 *
 * @param jwkSetUri the issuer's JWK set, e.g. {@code http://localhost:9000/.well-known/jwks.json}
 * @param issuer the expected {@code iss} claim, e.g. {@code http://localhost:9000}
 * @param audience the platform's audience: a token whose {@code aud} does not contain it is refused (401);
 *                 {@value #DEFAULT_AUDIENCE} when not set, as in every service (the service kit's
 *                 {@code minzheng.security.audience})
 */
@ConfigurationProperties("minzheng.security")
public record SecurityProperties(String jwkSetUri, String issuer, String audience) {

    public static final String DEFAULT_AUDIENCE = "minzheng-platform";

    public SecurityProperties {
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience.trim();
    }
}
