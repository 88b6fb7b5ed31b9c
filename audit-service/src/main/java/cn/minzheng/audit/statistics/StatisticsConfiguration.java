package cn.minzheng.audit.statistics;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StatisticsConfiguration {

    /** The handling-clock projection (a {@code TrailProjection}: ingest feeds it). */
    @Bean
    HandlingCaseStore handlingCaseStore(MongoDatabase auditDatabase) {
        return new HandlingCaseStore(auditDatabase);
    }
}
