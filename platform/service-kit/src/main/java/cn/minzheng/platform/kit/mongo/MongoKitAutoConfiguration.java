package cn.minzheng.platform.kit.mongo;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Creates every declared {@link IndexSpec} once all beans exist, before the service takes traffic. */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class MongoKitAutoConfiguration {

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
