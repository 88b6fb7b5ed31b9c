package cn.minzheng.org.configuration;

import cn.minzheng.org.events.OrgEventFactory;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.org.spotcheck.InspectorRoster;
import cn.minzheng.org.spotcheck.SpotCheckService;
import cn.minzheng.org.spotcheck.SpotCheckStore;
import cn.minzheng.platform.kit.mongo.IndexSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** 双随机、一公开: draws, results, publication. */
@Configuration(proxyBeanMethods = false)
public class SpotCheckConfiguration {

    @Bean
    SpotCheckStore spotCheckStore(AggregateDocuments documents) {
        return new SpotCheckStore(documents);
    }

    @Bean
    SpotCheckService spotCheckService(SpotCheckStore store, RegistrationStore registrations, OrgProperties props,
                                      OrgEventFactory events, Clock clock) {
        return new SpotCheckService(store, registrations, props.spotCheck(), new InspectorRoster(props.spotCheckInspectors()), events, clock);
    }

    /** One draw per authority, year and type: each type's draw slot is unique among plans (sparse: older plans have none). */
    @Bean
    IndexSpec spotCheckSocialGroupSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.SOCIAL_GROUP));
    }

    @Bean
    IndexSpec spotCheckPrivateNonEnterpriseSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.PRIVATE_NON_ENTERPRISE));
    }

    @Bean
    IndexSpec spotCheckFoundationSlot() {
        return IndexSpec.uniqueSparse(SpotCheckStore.PLANS, SpotCheckStore.slotField(OrganizationType.FOUNDATION));
    }
}
