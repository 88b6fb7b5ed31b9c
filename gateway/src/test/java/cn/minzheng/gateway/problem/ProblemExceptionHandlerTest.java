package cn.minzheng.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.gateway.tracing.RequestIdFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway answers for errors no filter answered itself. */
class ProblemExceptionHandlerTest {

    private final ProblemExceptionHandler handler =
            new ProblemExceptionHandler(new ProblemResponses(JsonMapper.builder().build(), new ProblemTypeBase(null)));

    @Test
    void tokensThatCannotBeVerifiedBecauseTheKeySetDidNotAnswerAre503WithRetryAfter() {
        MockServerWebExchange exchange = exchange();
        handler.handle(exchange, new AuthenticationServiceException("An error occurred while attempting to decode the Jwt",
                new IllegalStateException("key set fetch timed out"))).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(body(exchange)).contains("服务 identity-provider 暂不可用，请稍后重试");
    }

    @Test
    void anUnexpectedErrorNamesTheRequestIdTheAnswerCarries() {
        MockServerWebExchange exchange = exchange();
        handler.handle(exchange, new IllegalStateException("a bug")).block();

        String requestId = RequestIdFilter.requestId(exchange);
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(requestId).isNotBlank();
        assertThat(body(exchange)).contains("网关处理请求时出错，追踪号 " + requestId).doesNotContain("null");
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/assistance/applications/mine"));
    }

    private static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block();
    }
}
