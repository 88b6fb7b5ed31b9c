package cn.minzheng.platform.kit.webclient;

import cn.minzheng.platform.kit.observability.TraceContext;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Sends the trace the service works in (the request's, or the consumed record's) as the W3C
 * {@code traceparent} header of outgoing calls, so the callee continues it. A header the caller set
 * itself is kept.
 */
public final class TraceparentPropagation implements ExchangeFilterFunction {

    public static final String HEADER = "traceparent";

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (request.headers().containsHeader(HEADER)) {
            return next.exchange(request);
        }
        return TraceContext.traceparent().flatMap(traceparent -> next.exchange(traceparent
                .map(value -> ClientRequest.from(request).header(HEADER, value).build())
                .orElse(request)));
    }
}
