package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    Verification verification(ChainStore chains, CheckpointStore checkpoints, SigningKey key) {
        return new Verification(chains, checkpoints, key);
    }
}
