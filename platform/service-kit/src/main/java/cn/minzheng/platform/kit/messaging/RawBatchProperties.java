package cn.minzheng.platform.kit.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.kafka.raw-batch.*}: the raw-bytes batch listener mode
 * ({@link KafkaConsumerAutoConfiguration#RAW_BATCH_FACTORY}).
 *
 * @param retryInterval wait before a failed batch (the listener threw, e.g. its store is down) is
 *                      delivered again; retried without end, offsets wait (default 1 s)
 * @param deadLetterTimeout how long {@link RawDeadLetters#send} waits for the broker (default 30 s)
 */
@ConfigurationProperties("minzheng.kafka.raw-batch")
public record RawBatchProperties(Duration retryInterval, Duration deadLetterTimeout) {

    public RawBatchProperties {
        retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
        deadLetterTimeout = deadLetterTimeout == null ? Duration.ofSeconds(30) : deadLetterTimeout;
    }
}
