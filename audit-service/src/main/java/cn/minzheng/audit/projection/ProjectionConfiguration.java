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

    /** The rebuild (if any) runs in the background: the service starts and ingests meanwhile. */
    @Bean
    ApplicationRunner projectionStart(Projections projections) {
        return args -> projections.start().subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, e -> log.error("projections could not be prepared or rebuilt; readers keep their "
                        + "slower paths until the next start", e));
    }
}
