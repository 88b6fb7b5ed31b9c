package cn.minzheng.gateway.securityevents;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka producer for security events, configured from {@code spring.kafka.producer.*}. */
@Configuration(proxyBeanMethods = false)
public class SecurityEventsConfiguration {

    @Bean
    SecurityEventPublisher securityEventPublisher(KafkaProperties kafka, SecurityEventsProperties properties,
                                                  MeterRegistry meters, Clock clock) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        return new SecurityEventPublisher(new KafkaProducer<>(config), properties.bufferCapacity(),
                properties.summaryBufferCapacity(),
                new DenialWindows(properties.aggregationWindow(), properties.maxOpenWindows()), meters, clock);
    }

    /**
     * {@code minzheng.gateway.security-events.*}.
     *
     * @param bufferCapacity 403 events held while Kafka is slow or down
     * @param summaryBufferCapacity 401/429 window summaries held while Kafka is slow or down
     * @param aggregationWindow 401/429 of one client are one event per window of this length
     * @param maxOpenWindows clients counted separately per window; the rest are counted together (client {@code *})
     */
    @ConfigurationProperties("minzheng.gateway.security-events")
    public record SecurityEventsProperties(Integer bufferCapacity, Integer summaryBufferCapacity,
                                           Duration aggregationWindow, Integer maxOpenWindows) {
        public SecurityEventsProperties {
            bufferCapacity = bufferCapacity == null ? 1000 : bufferCapacity;
            summaryBufferCapacity = summaryBufferCapacity == null ? 1000 : summaryBufferCapacity;
            aggregationWindow = aggregationWindow == null ? Duration.ofMinutes(1) : aggregationWindow;
            maxOpenWindows = maxOpenWindows == null ? 10_000 : maxOpenWindows;
        }
    }
}
