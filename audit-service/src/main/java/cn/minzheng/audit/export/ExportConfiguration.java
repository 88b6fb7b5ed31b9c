package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.search.RecordSearchStore;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ExportConfiguration {

    /** {@code minzheng.audit.export.max-rows}: the most records one search export carries. */
    @Bean
    Exports exports(ChainStore chains, CheckpointStore checkpoints, RecordSearchStore search, SigningKey key, Clock clock,
            @Value("${minzheng.audit.export.max-rows:100000}") int maxRows) {
        return new Exports(chains, checkpoints, search, key, clock, maxRows);
    }

    /** 406 on an export names the media type it produces ({@link ExportNotAcceptable}). */
    @Bean
    ExportNotAcceptable exportNotAcceptable() {
        return new ExportNotAcceptable();
    }
}
