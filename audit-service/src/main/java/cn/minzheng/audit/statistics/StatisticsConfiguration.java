package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.projection.RecordCountProjection;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.chain.ChainStore;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class StatisticsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StatisticsConfiguration.class);

    /** The handling-clock projection (a {@code TrailProjection}: ingest feeds it). */
    @Bean
    HandlingCaseStore handlingCaseStore(MongoDatabase auditDatabase) {
        return new HandlingCaseStore(auditDatabase);
    }

    @Bean
    RecordCounts recordCounts(RecordSearchStore store, ReadBounds bounds, RecordCountProjection projection) {
        return new RecordCounts(store, bounds, projection);
    }

    /** The accepted cases by China day of acceptance, followed at ingest like the record counts. */
    @Bean
    OnTimeProjection onTimeProjection(MongoDatabase auditDatabase, ChainStore chainStore, HandlingCaseStore cases,
            Clock clock) {
        return new OnTimeProjection(auditDatabase, chainStore, cases, clock);
    }

    @Bean
    OnTimeProjectionAdmin onTimeProjectionAdmin(OnTimeProjection projection) {
        return new OnTimeProjectionAdmin(projection);
    }

    @Bean
    OnTimeRates onTimeRates(HandlingCaseStore cases, OnTimeProjection days, Projections projections, Clock clock) {
        return new OnTimeRates(cases, days, projections, clock);
    }

    /**
     * The on-time projection's first build, or the resumption of a build a stop interrupted, in the
     * background; the on-time statistics read every accepted case until a generation is complete.
     */
    @Bean
    ApplicationRunner onTimeProjectionStart(OnTimeProjection days) {
        return args -> days.start().subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.error("the on-time projection could not be built; the on-time statistics read "
                        + "every accepted case until the next start or POST " + OnTimeProjection.REBUILD, e));
    }
}
