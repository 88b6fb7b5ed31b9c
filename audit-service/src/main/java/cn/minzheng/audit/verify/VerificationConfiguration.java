package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    Verification verification(ChainStore chains, CheckpointStore checkpoints, VerificationKeys keys,
            RecordMac recordMac) {
        return new Verification(chains, checkpoints, keys, recordMac);
    }
}
