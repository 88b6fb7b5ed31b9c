package cn.minzheng.platform.kit.refusals;

import cn.minzheng.platform.kit.outbox.EventPublisher;
import cn.minzheng.platform.kit.outbox.OutboxAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Service-side refusals (403) to the audit trail, off unless
 * {@code minzheng.security.refusal-events.enabled=true}. Needs the outbox's Kafka publisher (Mongo and
 * Kafka configured); start-up fails with a clear message otherwise, never silently without events.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "minzheng.security.refusal-events", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(RefusalEventProperties.class)
public class RefusalEventsAutoConfiguration {

    @Bean
    RefusalReporter refusalReporter(RefusalEventProperties properties, ObjectProvider<EventPublisher> publisher,
                                    ObjectProvider<MeterRegistry> registry) {
        if (properties.service() == null || properties.service().isBlank()) {
            throw new IllegalStateException("minzheng.security.refusal-events.service is required (e.g. assistance)");
        }
        EventPublisher events = publisher.getIfAvailable(() -> {
            throw new IllegalStateException("minzheng.security.refusal-events needs the outbox's Kafka publisher "
                    + "(spring.kafka.* and spring.mongodb.* configured)");
        });
        return new RefusalReporter(new RefusalEvents(properties.service(), Clock.systemUTC()), events,
                registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RefusalReporter.PrincipalOnExchange refusalPrincipalWebFilter() {
        return new RefusalReporter.PrincipalOnExchange();
    }
}
