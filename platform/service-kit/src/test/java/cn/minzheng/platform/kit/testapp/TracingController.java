package cn.minzheng.platform.kit.testapp;

import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Calls the test service itself through the kit's WebClient.Builder, so a test sees a client span. */
@RestController
class TracingController {

    private final WebClient.Builder builder;
    private final WebServerApplicationContext context;

    TracingController(WebClient.Builder builder, WebServerApplicationContext context) {
        this.builder = builder;
        this.context = context;
    }

    @GetMapping("/test/trace/outgoing")
    Mono<Map<String, Object>> outgoing() {
        return builder.baseUrl("http://127.0.0.1:" + context.getWebServer().getPort()).build()
                .get().uri("/test/trace/echo").retrieve().bodyToMono(String.class)
                .map(echo -> Map.of("calleeSaw", echo));
    }

    @GetMapping("/test/trace/echo")
    Mono<String> echo(org.springframework.web.server.ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst("traceparent");
        return Mono.just(header == null ? "none" : header);
    }
}
