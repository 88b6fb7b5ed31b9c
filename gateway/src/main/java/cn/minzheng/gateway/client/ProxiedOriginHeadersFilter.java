package cn.minzheng.gateway.client;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Towards the console (route {@value #ROUTE}), after every other header filter: the scheme, host and port the
 * browser used, where a trusted proxy forwarded them ({@link ProxiedOrigin}). Behind TLS the console builds its login
 * redirect URI on them ({@code https://<public host>/console/login/oauth2/code/…}, the one the Keycloak client
 * allows). The API routes never get them (no service reads them), and a request from any other peer gets nothing
 * here: the client-sent forwarding headers were dropped ({@code UntrustedHeaderFilter}).
 */
@Component
public class ProxiedOriginHeadersFilter implements HttpHeadersFilter, Ordered {

    /** The console's route in application.yml. */
    static final String ROUTE = "console";

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ProxiedOrigin origin = exchange.getAttribute(ProxiedOrigin.ATTRIBUTE);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (origin == null || route == null || !ROUTE.equals(route.getId())) {
            return input;
        }
        HttpHeaders updated = new HttpHeaders();
        updated.putAll(input);
        set(updated, "X-Forwarded-Proto", origin.proto());
        set(updated, "X-Forwarded-Host", origin.host());
        set(updated, "X-Forwarded-Port", origin.port());
        return updated;
    }

    private static void set(HttpHeaders headers, String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
