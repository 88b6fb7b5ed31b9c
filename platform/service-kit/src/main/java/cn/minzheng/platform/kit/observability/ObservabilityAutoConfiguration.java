package cn.minzheng.platform.kit.observability;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Request ids on every response, and the trace id in the logging MDC ({@code %X{traceId}}) on
 * whatever thread a reactive request continues on: the Reactor context key
 * {@link RequestIdWebFilter#TRACE_ID_CONTEXT_KEY} is restored into the MDC by Reactor's automatic
 * context propagation ({@code spring.reactor.context-propagation=auto}, a kit default).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ObservabilityAutoConfiguration {

    static final String MDC_KEY = "traceId";

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestIdWebFilter.TRACE_ID_CONTEXT_KEY,
                () -> MDC.get(MDC_KEY),
                value -> MDC.put(MDC_KEY, value),
                () -> MDC.remove(MDC_KEY));
    }

    @Bean
    @ConditionalOnMissingBean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
