package cn.minzheng.org.configuration;

import cn.minzheng.org.annualinspection.InspectionStore;
import cn.minzheng.org.dormancy.DormancyService;
import cn.minzheng.org.dormancy.DormancyStore;
import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.kit.mongo.IndexSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Zombie detection: the dormancy sweep and its inspection tasks. */
@Configuration(proxyBeanMethods = false)
public class DormancyConfiguration {

    @Bean
    DormancyStore dormancyStore(AggregateDocuments documents) {
        return new DormancyStore(documents);
    }

    @Bean
    DormancyService dormancyService(DormancyStore store, RegistrationStore registrations, InspectionStore inspections, OrgProperties props,
                                    OrgEventFactory events, Clock clock) {
        return new DormancyService(store, registrations, inspections, props.dormancy(), events, clock);
    }

    /** Closing a task is a conditional update on exactly {@code {_id, version}}: an index hit on the Mongo-wire server too. */
    @Bean
    IndexSpec inspectionTaskVersions() {
        return IndexSpec.unique(DormancyStore.TASKS, "_id", "version");
    }
}
