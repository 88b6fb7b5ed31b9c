package cn.minzheng.identity;

import java.util.List;

import cn.minzheng.platform.embedded.DemoUser;
import cn.minzheng.platform.embedded.LocalTokenIssuer;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Access and ID tokens of the code flow carry the platform's claims exactly as the scripted tokens do,
 * so the gateway and the services take them unchanged: {@code sub} = the demo user's subject (never the
 * login name), {@code name}, {@code roles}, {@code region} and {@code aud} = {@value LocalTokenIssuer#PLATFORM_AUDIENCE}.
 * The ID token's {@code aud} names the client as well, as OpenID Connect requires of it.
 */
final class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoUsers users;

    PlatformClaims(DemoUsers users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if ((!accessToken && !idToken) || context.getPrincipal() == null) {
            return;
        }
        DemoUser user = users.byUsername(context.getPrincipal().getName()).orElse(null);
        if (user == null) {
            return;
        }
        context.getClaims()
                .subject(user.subject())
                .claim("name", user.name())
                .claim("roles", user.roles())
                .audience(idToken
                        ? List.of(context.getRegisteredClient().getClientId(), LocalTokenIssuer.PLATFORM_AUDIENCE)
                        : List.of(LocalTokenIssuer.PLATFORM_AUDIENCE));
        if (user.region() != null) {
            context.getClaims().claim("region", user.region());
        }
    }
}
