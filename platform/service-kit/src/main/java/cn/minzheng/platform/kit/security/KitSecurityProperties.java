package cn.minzheng.platform.kit.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.security.*}: where to fetch the issuer's keys, which issuer to trust, which
 * paths need no token (Ant-style path patterns, e.g. {@code /api/v1/orgs/public/**}).
 */
@ConfigurationProperties("minzheng.security")
public record KitSecurityProperties(String jwkSetUri, String issuer, List<String> publicPaths) {

    public KitSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
