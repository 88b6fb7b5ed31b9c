package cn.minzheng.platform.kit.mongo;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Creates every declared {@link IndexSpec} once all beans exist, before the service takes traffic. */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class,
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration")
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class MongoKitAutoConfiguration {

    /** Named as Boot's indicator, so Boot's (which sends {@code hello}) steps aside. */
    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    MongoIndexes mongoIndexes(ReactiveMongoTemplate mongo) {
        return new MongoIndexes(mongo);
    }

    @Bean
    SmartInitializingSingleton minzhengIndexInitializer(MongoIndexes indexes, ObjectProvider<IndexSpec> specs) {
        return () -> {
            List<IndexSpec> all = specs.orderedStream().toList();
            indexes.ensureAtStartup(all, Duration.ofSeconds(30));
        };
    }
}
