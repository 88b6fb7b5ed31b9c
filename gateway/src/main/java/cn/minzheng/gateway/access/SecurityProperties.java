package cn.minzheng.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tokens come from (docs/contracts.md, Identity).
 *
 * @param jwkSetUri the issuer's JWK set, e.g. {@code http://localhost:9000/.well-known/jwks.json}
 * @param issuer the expected {@code iss} claim, e.g. {@code http://localhost:9000}
 */
@ConfigurationProperties("minzheng.security")
public record SecurityProperties(String jwkSetUri, String issuer) {
}
