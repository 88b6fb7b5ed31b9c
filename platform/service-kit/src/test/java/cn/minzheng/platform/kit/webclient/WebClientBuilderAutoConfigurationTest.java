package cn.minzheng.platform.kit.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.observability.RequestIdWebFilter;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.context.Context;

/** Services get a WebClient.Builder although Boot 4 only makes one with spring-boot-webclient. */
class WebClientBuilderAutoConfigurationTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebClientBuilderAutoConfiguration.class));
    private final AtomicReference<String> received = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            received.set(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/echo";
    }

    @Test
    void everyInjectionPointGetsItsOwnBuilder() {
        runner.run(context -> assertThat(context.getBean(WebClient.Builder.class))
                .isNotSameAs(context.getBean(WebClient.Builder.class)));
    }

    @Test
    void theServicesOwnBuilderWins() {
        WebClient.Builder own = WebClient.builder();
        runner.withBean(WebClient.Builder.class, () -> own)
                .run(context -> assertThat(context.getBean(WebClient.Builder.class)).isSameAs(own));
    }

    @Test
    void callsCarryTheTraceTheServiceWorksIn() {
        runner.run(context -> {
            WebClient client = context.getBean(WebClient.Builder.class).build();

            client.get().uri(url()).retrieve().bodyToMono(String.class)
                    .contextWrite(Context.of(RequestIdWebFilter.TRACEPARENT_CONTEXT_KEY, TRACEPARENT))
                    .block(Duration.ofSeconds(10));
            assertThat(received.get()).isEqualTo(TRACEPARENT);

            client.get().uri(url()).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
            assertThat(received.get()).as("no trace, no header").isEqualTo("null");

            String own = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            client.get().uri(url()).header("traceparent", own).retrieve().bodyToMono(String.class)
                    .contextWrite(Context.of(RequestIdWebFilter.TRACEPARENT_CONTEXT_KEY, TRACEPARENT))
                    .block(Duration.ofSeconds(10));
            assertThat(received.get()).as("the caller's own header is kept").isEqualTo(own);
        });
    }
}
