package cn.minzheng.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code minzheng.identity.*}: where the identity server says it is, where it keeps its key, and the
 * console's redirect addresses.
 *
 * @param issuer         the {@code iss} of every token and the OIDC issuer ({@code IDENTITY_ISSUER}; devstack
 *                       {@code http://localhost:9000})
 * @param dataDir        holds {@code issuer-key.json} (the RSA signing key, created at first start, kept across
 *                       restarts) and {@code tokens.json} (the demo users' scripted tokens, written at each start)
 * @param accessTokenTtl how long a token from the code flow is valid (the scripted ones: 8 hours, as before)
 * @param console        the {@code console} client
 */
@ConfigurationProperties("minzheng.identity")
public record IdentityProperties(String issuer, Path dataDir, @DefaultValue("PT1H") Duration accessTokenTtl,
                                 Console console) {

    public IdentityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("minzheng.identity.issuer (IDENTITY_ISSUER) is required, e.g. http://localhost:9000");
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("minzheng.identity.data-dir (IDENTITY_DATA_DIR) is required");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("minzheng.identity.access-token-ttl must be positive");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    public Path keyFile() {
        return dataDir.resolve("issuer-key.json");
    }

    public Path tokensFile() {
        return dataDir.resolve("tokens.json");
    }

    /**
     * @param redirectUris           where the console receives the code (the gateway's
     *                               {@code /console/login/oauth2/code/minzheng}); each loopback address is
     *                               registered in its {@code 127.0.0.1} and its {@code localhost} form
     * @param postLogoutRedirectUris where the browser goes after logout (the console's start page), both forms too
     */
    public record Console(List<URI> redirectUris, List<URI> postLogoutRedirectUris) {

        public Console {
            if (redirectUris == null || redirectUris.isEmpty()) {
                throw new IllegalArgumentException("minzheng.identity.console.redirect-uris (IDENTITY_CONSOLE_REDIRECT_URI) is required");
            }
            redirectUris = List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        }

        public Set<String> redirectUriForms() {
            return loopbackForms(redirectUris);
        }

        public Set<String> postLogoutRedirectUriForms() {
            return loopbackForms(postLogoutRedirectUris);
        }

        /** Each address as given, and for a loopback one also with the other loopback name. */
        static Set<String> loopbackForms(List<URI> uris) {
            Set<String> forms = new LinkedHashSet<>();
            for (URI uri : uris) {
                forms.add(uri.toString());
                String host = uri.getHost();
                if ("127.0.0.1".equals(host)) {
                    forms.add(withHost(uri, "localhost"));
                } else if ("localhost".equals(host)) {
                    forms.add(withHost(uri, "127.0.0.1"));
                }
            }
            return forms;
        }

        private static String withHost(URI uri, String host) {
            return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }
}
