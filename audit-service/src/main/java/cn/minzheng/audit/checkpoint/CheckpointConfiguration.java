package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
public class CheckpointConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CheckpointConfiguration.class);

    @Bean
    SigningKey signingKey(CheckpointProperties properties) {
        SigningKey key = SigningKeyFile.load(properties.keyFile(), properties.generateIfMissing());
        log.info("checkpoint signing key {} from {}", key.keyId(), properties.keyFile().toAbsolutePath());
        return key;
    }

    /** The current key and the retired public keys ({@code retired-public-keys}), by key id. */
    @Bean
    VerificationKeys verificationKeys(SigningKey key, CheckpointProperties properties) {
        VerificationKeys keys = VerificationKeys.of(key.publicKey(), SigningKeyFile.retired(properties.retiredPublicKeys()));
        log.info("checkpoint verification keys: {}", keys.ids());
        return keys;
    }

    /** {@code audit.checkpoint.age.seconds}: see {@link CheckpointFreshness}. */
    @Bean
    CheckpointFreshness checkpointFreshness(Clock clock, MeterRegistry meters) {
        CheckpointFreshness freshness = new CheckpointFreshness(clock.instant());
        Gauge.builder("audit.checkpoint.age.seconds", freshness, f -> f.ageSeconds(clock.instant()))
                .description("seconds since every chain head of this instance's view was last covered by a signed checkpoint")
                .register(meters);
        return freshness;
    }

    @Bean
    CheckpointStore checkpointStore(MongoDatabase auditDatabase) {
        CheckpointStore store = new CheckpointStore(auditDatabase);
        store.createIndexes().block(Duration.ofSeconds(60));
        return store;
    }

    @Bean
    Checkpointing checkpointing(ChainStore chains, CheckpointStore store, SigningKey key, Clock clock,
            MeterRegistry meters, CheckpointFreshness freshness, ChainHeadGauges headGauges, VerificationKeys keys,
            RecordMac recordMac) {
        return new Checkpointing(chains, store, key, clock, meters, freshness, headGauges, keys, recordMac);
    }

    @Bean
    CheckpointTimer checkpointTimer(Checkpointing checkpointing) {
        return new CheckpointTimer(checkpointing);
    }

    /** Signs moved heads every {@code minzheng.audit.checkpoint.interval}. */
    public static class CheckpointTimer {
        private final Checkpointing checkpointing;

        CheckpointTimer(Checkpointing checkpointing) {
            this.checkpointing = checkpointing;
        }

        @Scheduled(fixedDelayString = "${minzheng.audit.checkpoint.interval:PT1M}",
                initialDelayString = "${minzheng.audit.checkpoint.interval:PT1M}")
        public void signMovedHeads() {
            Long signed = checkpointing.signMovedHeads().count().block(Duration.ofMinutes(10));
            if (signed != null && signed > 0) {
                log.info("signed {} checkpoint(s)", signed);
            }
        }
    }
}
