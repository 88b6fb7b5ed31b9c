package cn.minzheng.org.web;

import org.springframework.web.server.ServerWebExchange;

import java.util.regex.Pattern;

/** The W3C traceparent of the request, to carry into events; null when the client sent none or a bad one. */
public final class Traces {
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private Traces() {
    }

    public static String traceparent(ServerWebExchange exchange) {
        String value = exchange.getRequest().getHeaders().getFirst("traceparent");
        return value != null && TRACEPARENT.matcher(value).matches() ? value : null;
    }
}
