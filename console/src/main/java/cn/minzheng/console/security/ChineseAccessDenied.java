package cn.minzheng.console.security;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A refused request as a short Chinese page: a page of another role, or a form sent without its CSRF token
 * (an old page after the session ended, or a request from another site). Never a stack trace.
 */
final class ChineseAccessDenied implements ServerAccessDeniedHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        boolean csrf = denied instanceof CsrfException;
        String title = csrf ? "页面已过期" : "没有权限";
        String text = csrf ? "表单已失效（可能登录已超时）。请返回首页重新进入后再办理，已填写的内容需重新填写。"
                : "您登录的账号不能查看或办理此内容。请返回首页，从菜单进入您的页面。";
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + " · 民政服务平台</title><link rel=\"stylesheet\" href=\"/console/assets/console.css\"></head>"
                + "<body><main id=\"main\"><h1>" + title + "</h1><p>" + text + "</p>"
                + "<p><a href=\"/console/\">返回首页</a></p></main></body></html>";
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
