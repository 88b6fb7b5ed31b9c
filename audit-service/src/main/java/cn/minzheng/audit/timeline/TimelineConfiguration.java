package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.RecordSearchStore;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
public class TimelineConfiguration {

    /** Subject → event ids (a {@code TrailProjection}: ingest feeds it), so a timeline is index-served. */
    @Bean
    SubjectIndex subjectIndex(MongoDatabase auditDatabase) {
        return new SubjectIndex(auditDatabase);
    }

    /** Organization → event ids across its subjects, credit code → organization ids (a {@code TrailProjection}). */
    @Bean
    OrganizationIndex organizationIndex(MongoDatabase auditDatabase) {
        return new OrganizationIndex(auditDatabase);
    }

    @Bean
    OrganizationTimelineQuery organizationTimelineQuery(RecordSearchStore store, TimelineReads reads,
            OrganizationIndex index, Projections projections, RecordMac recordMac) {
        return new OrganizationTimelineQuery(store, reads, index, projections, recordMac);
    }

    @Bean
    TimelineReads timelineReads(KafkaTemplate<String, byte[]> template, Clock clock,
            @Value("${minzheng.audit.timeline.record-timeout:PT10S}") Duration timeout) {
        return new TimelineReads(template, clock, timeout);
    }

    @Bean
    TimelineQuery timelineQuery(RecordSearchStore store, TimelineReads reads, SubjectIndex index, Projections projections,
            RecordMac recordMac) {
        return new TimelineQuery(store, reads, index, projections, recordMac);
    }

    /** audit-service produces audit.events; make sure it exists. */
    @Bean
    NewTopic auditEventsTopic(@Value("${minzheng.audit.events-partitions:3}") int partitions) {
        return TopicBuilder.name(cn.minzheng.platform.events.Topics.AUDIT_EVENTS).partitions(partitions).replicas(1)
                .build();
    }
}
