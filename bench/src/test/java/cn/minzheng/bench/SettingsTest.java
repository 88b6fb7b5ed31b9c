package cn.minzheng.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @Test
    void defaultsRunEveryWorkloadBriefly() {
        Settings s = Settings.parse(new String[0]);
        assertThat(s.workloads()).isEqualTo(Settings.ALL);
        assertThat(s.runs()).isEqualTo(3);
        assertThat(s.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.window()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.clients()).isEqualTo(64);
        assertThat(s.submitDirect()).isFalse();
    }

    @Test
    void submissionsCanBypassTheGateway() {
        assertThat(Settings.parse(new String[] {"lag", "--via", "direct"}).submitDirect()).isTrue();
    }

    @Test
    void chosenWorkloadsRunInTheDocumentedOrder() {
        Settings s = Settings.parse(new String[] {"verify", "gateway", "--window", "60", "--verify-records", "1000000"});
        assertThat(s.workloads()).isEqualTo(List.of("gateway", "verify"));
        assertThat(s.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.verifyRecords()).isEqualTo(1_000_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--runs 0", "--window x", "--clients", "--nope 1", "everything", "--warmup -1", "--via proxy"})
    void badArgumentsAreRefusedWithTheUsage(String args) {
        assertThatThrownBy(() -> Settings.parse(args.split(" "))).isInstanceOf(IllegalArgumentException.class);
    }
}
