package cn.minzheng.platform.kit.clock;

import cn.minzheng.platform.kit.security.ServiceAuthorizationRules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The business clock: a {@link BusinessClock} as the service's {@link Clock} bean unless the service
 * declares its own, started {@code minzheng.clock.offset} ahead of the wall clock, with the gauge
 * {@code minzheng.clock.offset.seconds}; and, with {@code minzheng.clock.adjustable=true} (devstack
 * only), the ADMIN endpoint at {@code minzheng.clock.path} that moves it forward.
 */
@AutoConfiguration
@EnableConfigurationProperties(BusinessClockProperties.class)
public class BusinessClockAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BusinessClockAutoConfiguration.class);

    static final String OFFSET_GAUGE = "minzheng.clock.offset.seconds";

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    BusinessClock businessClock(BusinessClockProperties properties) {
        BusinessClock clock = new BusinessClock(Clock.systemUTC(), properties.offset());
        if (!clock.offset().isZero()) {
            log.warn("business clock starts {} off the wall clock (minzheng.clock.offset)", clock.offset());
        }
        return clock;
    }

    /** Shows on a dashboard when a stack runs off the wall clock (only when the kit's clock is the service's). */
    @Bean
    @ConditionalOnClass(MeterBinder.class)
    MeterBinder businessClockOffsetGauge(ObjectProvider<Clock> clock) {
        return registry -> {
            if (clock.getIfAvailable() instanceof BusinessClock business) {
                Gauge.builder(OFFSET_GAUGE, business, c -> c.offset().toMillis() / 1000.0)
                        .description("How far business time runs ahead of the wall clock")
                        .strongReference(true)
                        .register(registry);
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnBooleanProperty(name = "minzheng.clock.adjustable")
    static class AdjustableClock {

        /** Before the service's own rules, so a broader rule of the service cannot open the clock to others. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ServiceAuthorizationRules businessClockAdminOnly(BusinessClockProperties properties) {
            String path = requiredPath(properties);
            return rules -> rules.pathMatchers(path).hasRole("ADMIN");
        }

        @Bean
        RouterFunction<ServerResponse> businessClockRoutes(BusinessClockProperties properties, ObjectProvider<Clock> clock) {
            String path = requiredPath(properties);
            if (clock.getIfAvailable() instanceof BusinessClock business) {
                log.warn("business clock is adjustable: ADMINs may move it forward at {} (never in production)", path);
                return new ClockEndpoint(business).routes(path);
            }
            log.warn("minzheng.clock.adjustable=true, but the service declares its own Clock bean: no clock "
                    + "endpoint at {} (drop the service's Clock bean to use the kit's BusinessClock)", path);
            return request -> Mono.empty();
        }

        private static String requiredPath(BusinessClockProperties properties) {
            if (properties.path() == null || properties.path().isBlank() || !properties.path().startsWith("/")) {
                throw new IllegalStateException("minzheng.clock.adjustable=true needs minzheng.clock.path, the "
                        + "endpoint's path (e.g. /api/v1/assistance/admin/clock), not '" + properties.path() + "'");
            }
            return properties.path();
        }
    }
}
