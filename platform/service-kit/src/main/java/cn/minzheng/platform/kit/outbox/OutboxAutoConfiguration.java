package cn.minzheng.platform.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import cn.minzheng.platform.kit.observability.TraceSpans;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The outbox relay and its sweep, for the collections in {@code minzheng.outbox.collections} and {@link OutboxCollection} beans. */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, KafkaAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class})
@ConditionalOnBean({ReactiveMongoTemplate.class, KafkaProperties.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(EventPublisher.class)
    KafkaEventPublisher outboxEventPublisher(KafkaProperties kafka, OutboxProperties properties,
                                             ObjectProvider<TraceSpans> spans) {
        return new KafkaEventPublisher(kafka.buildProducerProperties(), properties.deliveryTimeout(),
                spans.getIfAvailable());
    }

    /**
     * Claim leases and back-off run on the wall clock, deliberately not on a {@code Clock} bean the
     * service may declare: that one is business time, which tests and simulations move, and a jump
     * forward would make every live claim look expired, so the sweep would publish events a
     * request-path drain is still sending.
     */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
                            ObjectProvider<OutboxCollection> declared, ObjectProvider<MeterRegistry> registry) {
        var topics = new LinkedHashMap<String, String>(properties.collections());
        declared.orderedStream().forEach(c -> topics.put(c.collection(), c.topic()));
        String owner = properties.instanceId() != null ? properties.instanceId() : defaultInstanceId();
        return new OutboxRelay(mongo, publisher, topics, properties, owner,
                registry.getIfAvailable(SimpleMeterRegistry::new), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "minzheng.outbox", name = "sweep-enabled", matchIfMissing = true)
    OutboxSweeper outboxSweeper(OutboxRelay relay, OutboxProperties properties) {
        return new OutboxSweeper(relay, properties);
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
