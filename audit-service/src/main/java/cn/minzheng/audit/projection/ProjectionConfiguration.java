package cn.minzheng.audit.projection;

import cn.minzheng.audit.chain.ChainStore;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Schedulers;

@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

    @Bean
    Projections projections(List<TrailProjection> all, MongoDatabase auditDatabase, ChainStore chainStore, Clock clock) {
        return new Projections(all, auditDatabase, chainStore, clock);
    }

    @Bean
    RecordCountStore recordCountStore(MongoDatabase auditDatabase) {
        return new RecordCountStore(auditDatabase);
    }

    @Bean
    RecordCountProjection recordCountProjection(RecordCountStore store, ChainStore chainStore, Clock clock) {
        return new RecordCountProjection(store, chainStore, clock);
    }

    @Bean
    RecordCountAdmin recordCountAdmin(RecordCountProjection counts) {
        return new RecordCountAdmin(counts);
    }

    /**
     * The record counts' first build, or the resumption of a build a stop interrupted, in the
     * background; the statistics count over the records until a generation is complete.
     */
    @Bean
    ApplicationRunner recordCountStart(RecordCountProjection counts) {
        return args -> counts.start().subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.error("record counts could not be built; the statistics count over the "
                        + "records until the next start or POST /api/v1/audit/projections/record-counts/rebuild", e));
    }

    /** The rebuild (if any) runs in the background: the service starts and ingests meanwhile. */
    @Bean
    ApplicationRunner projectionStart(Projections projections) {
        return args -> projections.start().subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.error("projections could not be prepared or rebuilt; readers keep their "
                        + "slower paths until the next start", e));
    }
}
