package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.RecordCountProjection;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.RecordSearchStore;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class StatisticsConfiguration {

    /** The handling-clock projection (a {@code TrailProjection}: ingest feeds it). */
    @Bean
    HandlingCaseStore handlingCaseStore(MongoDatabase auditDatabase) {
        return new HandlingCaseStore(auditDatabase);
    }

    @Bean
    RecordCounts recordCounts(RecordSearchStore store, ReadBounds bounds, RecordCountProjection projection) {
        return new RecordCounts(store, bounds, projection);
    }

    @Bean
    OnTimeRates onTimeRates(HandlingCaseStore cases, Projections projections, Clock clock) {
        return new OnTimeRates(cases, projections, clock);
    }
}
