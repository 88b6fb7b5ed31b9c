package cn.minzheng.console.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import reactor.core.publisher.Mono;

/**
 * The signed-in user: the ID token (validated by Spring Security) plus the platform claims of the access
 * token the console received from the token endpoint over its own back channel — {@code roles} become the
 * authorities (ROLE_*), {@code name} and {@code region} the user's. The console does not validate the access
 * token's signature: it got it directly from the provider, and the gateway validates it on every call.
 */
public final class PlatformClaimsUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

    public PlatformClaimsUserService() {
        // the platform claims are in the access token; the user-info endpoint is not needed
        delegate.setRetrieveUserInfo(request -> false);
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        return delegate.loadUser(request).map(user -> withPlatformClaims(user, request.getAccessToken().getTokenValue()));
    }

    static OidcUser withPlatformClaims(OidcUser user, String accessToken) {
        Map<String, Object> claims;
        try {
            claims = JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", "访问令牌无法读取，请重新登录。", null));
        }
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("sub", user.getSubject());
        if (claims.get("roles") instanceof Collection<?> roles) {
            for (Object role : roles) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
            info.put("roles", List.copyOf(roles.stream().map(String::valueOf).toList()));
        }
        if (claims.get("name") != null) {
            info.put("name", claims.get("name").toString());
        }
        if (claims.get("region") != null) {
            info.put("region", claims.get("region").toString());
        }
        return new DefaultOidcUser(authorities, user.getIdToken(), new OidcUserInfo(info), "sub");
    }
}
