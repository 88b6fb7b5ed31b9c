package cn.minzheng.platform.kit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.kafka.consumer.*}: retries before a record goes to {@code <topic>.dlt}.
 *
 * @param retries attempts after the first failure (default 3)
 * @param retryInterval first wait between attempts, doubled each time (default 200 ms)
 */
@ConfigurationProperties("minzheng.kafka.consumer")
public record ConsumerProperties(Integer retries, Duration retryInterval) {

    public ConsumerProperties {
        retries = retries == null ? 3 : retries;
        retryInterval = retryInterval == null ? Duration.ofMillis(200) : retryInterval;
    }
}
