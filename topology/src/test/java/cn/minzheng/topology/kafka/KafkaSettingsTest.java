package cn.minzheng.topology.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KAFKA_* variables become broker properties by the apache/kafka image's rules. */
class KafkaSettingsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "NODE_ID, node.id",
            "LOG_DIRS, log.dirs",
            "LISTENER_SECURITY_PROTOCOL_MAP, listener.security.protocol.map",
            "CONTROLLER_QUORUM_VOTERS, controller.quorum.voters",
            "LISTENER_NAME_SASL__SSL_SCRAM___SHA___256_SASL__JAAS__CONFIG, listener.name.sasl_ssl.scram-sha-256.sasl_jaas_config",
    })
    void variableNamesBecomePropertyNames(String variable, String property) {
        assertThat(KafkaSettings.propertyName(variable)).isEqualTo(property);
    }

    @Test
    void theStartScriptsOwnVariablesAndOthersAreNoBrokerSettings() {
        assertThat(KafkaSettings.brokerProperties(Map.of("KAFKA_NODE_ID", "1", "KAFKA_HEAP_OPTS", "-Xmx512m",
                "CLUSTER_ID", "abc", "KAFKA_OPTS", "-Dx=y")))
                .containsExactly(Map.entry("node.id", "1"));
    }
}
