package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.reads.ReadBounds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class VerificationConfiguration {

    @Bean
    Verification verification(ChainStore chains, CheckpointStore checkpoints, VerificationKeys keys,
            RecordMac recordMac) {
        return new Verification(chains, checkpoints, keys, recordMac);
    }

    @Bean
    ChainIntegrity chainIntegrity(ChainStore chains, CheckpointStore checkpoints, Verification verification,
            SigningKey key, VerificationKeys keys, ReadBounds bounds) {
        return new ChainIntegrity(chains, checkpoints, verification, key, keys, bounds);
    }
}
