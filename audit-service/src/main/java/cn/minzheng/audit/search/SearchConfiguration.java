package cn.minzheng.audit.search;

import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    RecordSearchStore recordSearchStore(MongoDatabase auditDatabase) {
        return new RecordSearchStore(auditDatabase);
    }

    @Bean
    RecordSearch recordSearch(RecordSearchStore store) {
        return new RecordSearch(store);
    }
}
