package cn.minzheng.gateway.securityevents;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
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
                                                  MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put("key.serializer", StringSerializer.class);
        config.put("value.serializer", ByteArraySerializer.class);
        return new SecurityEventPublisher(new KafkaProducer<>(config), properties.bufferCapacity(), meters, Clock.systemUTC());
    }

    /** {@code minzheng.gateway.security-events.buffer-capacity}: events held while Kafka is slow or down. */
    @ConfigurationProperties("minzheng.gateway.security-events")
    public record SecurityEventsProperties(Integer bufferCapacity) {
        public SecurityEventsProperties {
            bufferCapacity = bufferCapacity == null ? 1000 : bufferCapacity;
        }
    }
}
