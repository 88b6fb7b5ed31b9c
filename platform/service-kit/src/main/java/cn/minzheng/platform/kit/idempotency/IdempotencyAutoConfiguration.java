package cn.minzheng.platform.kit.idempotency;

import cn.minzheng.platform.kit.mongo.IndexSpec;
import cn.minzheng.platform.kit.problem.web.ProblemAutoConfiguration;
import cn.minzheng.platform.kit.problem.web.ProblemWriter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * {@code Idempotency-Key} handling for creating POSTs, backed by {@code idempotency_keys}. Key expiry and
 * in-flight leases run on the wall clock, never on the service's {@code Clock} bean (business time,
 * which a devstack moves days ahead: that would expire every stored key at once).
 */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, ProblemAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Sparse: records of another shape in the same collection (older service code) are left alone. */
    @Bean
    IndexSpec idempotencyKeysIndex() {
        return IndexSpec.uniqueSparse(IdempotencyKeys.COLLECTION, "key", "subject");
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyKeys idempotencyKeys(ReactiveMongoTemplate mongo, IdempotencyProperties properties) {
        return new IdempotencyKeys(mongo, properties, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "minzheng.idempotency", name = "enabled", matchIfMissing = true)
    IdempotencyWebFilter idempotencyWebFilter(IdempotencyKeys keys, ProblemWriter problems,
                                              IdempotencyProperties properties) {
        return new IdempotencyWebFilter(keys, problems, properties, Clock.systemUTC());
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyKeys keys, IdempotencyProperties properties) {
        return new IdempotencyCleanup(keys, properties.cleanupInterval());
    }
}
