package cn.minzheng.platform.kit.security;

import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.UnauthenticatedProblem;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** 401 and 403 from the security chain as problem+json instead of empty bodies. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    public static ServerAuthenticationEntryPoint entryPoint(ProblemWriter writer) {
        return (ServerWebExchange exchange, AuthenticationException ex) -> {
            var headers = new HttpHeaders();
            if (ex instanceof OAuth2AuthenticationException) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                return writer.write(exchange, new UnauthenticatedProblem("invalid-token"), headers);
            }
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return writer.write(exchange, new UnauthenticatedProblem(), headers);
        };
    }

    public static ServerAccessDeniedHandler accessDenied(ProblemWriter writer) {
        return (exchange, denied) -> writer.write(exchange, new ForbiddenProblem());
    }

}
