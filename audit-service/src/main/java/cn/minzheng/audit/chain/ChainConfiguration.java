package cn.minzheng.audit.chain;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.ReactiveMongoDatabaseFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordKeyProperties.class)
public class ChainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChainConfiguration.class);

    /** The record MAC keys ({@code minzheng.audit.record-key.*}); no key file, no start. */
    @Bean
    RecordMac recordMac(RecordKeyProperties properties) {
        RecordMac macs = properties.load();
        log.info("audit record MAC key {} from {}; retired record keys: {}", macs.currentKeyId(),
                properties.file().toAbsolutePath(), macs.keyIds().subList(1, macs.keyIds().size()));
        return macs;
    }

    /** The audit database (name from {@code spring.mongodb.uri} / {@code spring.mongodb.database}). */
    @Bean
    MongoDatabase auditDatabase(ReactiveMongoDatabaseFactory factory) {
        return factory.getMongoDatabase().block(Duration.ofSeconds(30));
    }

    @Bean(name = "mongoHealthIndicator") // the name Boot's and the kit's indicators step aside for
    MongoPingHealth mongoHealth(MongoDatabase auditDatabase) {
        return new MongoPingHealth(auditDatabase);
    }

    /** Indexes are created at start, before the listener may write. */
    @Bean
    ChainStore chainStore(MongoDatabase auditDatabase) {
        ChainStore store = new ChainStore(auditDatabase);
        store.createIndexes().block(Duration.ofSeconds(60));
        return store;
    }

    /** {@code audit.chain.head.sequence{chain}}, fed by ingest and by every checkpoint run. */
    @Bean
    ChainHeadGauges chainHeadGauges(MeterRegistry meters) {
        return new ChainHeadGauges(meters);
    }
}
