package cn.minzheng.org.web;

import cn.minzheng.platform.events.TraceContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The W3C traceparent of the request, to carry into events; null when the client sent none or a bad one
 * (the platform's one parser, {@link TraceContext}, decides).
 */
public final class Traces {
    private Traces() {
    }

    public static String traceparent(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst("traceparent");
        return TraceContext.wellFormedOrNull(value);
    }
}
