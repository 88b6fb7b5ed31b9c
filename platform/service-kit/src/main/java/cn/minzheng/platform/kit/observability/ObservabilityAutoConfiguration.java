package cn.minzheng.platform.kit.observability;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Request ids on every response, and the trace id in the logging MDC ({@code %X{traceId}}) on
 * whatever thread a reactive request continues on: the Reactor context key
 * {@link RequestIdWebFilter#TRACE_ID_CONTEXT_KEY} is restored into the MDC by Reactor's automatic
 * context propagation ({@code spring.reactor.context-propagation=auto}, a kit default), and so is
 * the span id of {@link RequestIdWebFilter#TRACEPARENT_CONTEXT_KEY} ({@link TraceContext}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ObservabilityAutoConfiguration {

    static final String MDC_KEY = TraceContext.TRACE_ID_MDC_KEY;

    static {
        TraceContext.registerThreadLocals();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
