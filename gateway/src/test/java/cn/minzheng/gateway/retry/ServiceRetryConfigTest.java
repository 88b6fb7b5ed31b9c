package cn.minzheng.gateway.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.gateway.retry.RetryRule.Reason;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRetryConfigTest {

    /** The route's settings: 2 retries, 50 ms doubling up to 400 ms. */
    @ParameterizedTest(name = "retry {0} after {1} waits {2} ms")
    @CsvSource({
            "1, NOT_CONNECTED, 0",
            "2, NOT_CONNECTED, 100",
            "3, NOT_CONNECTED, 200",
            "1, FAILED,        50",
            "2, FAILED,        100",
            "1, ANSWERED,      50",
            "2, ANSWERED,      100",
            "4, ANSWERED,      400",
            "9, ANSWERED,      400",
    })
    void waitsBeforeEachRetry(int retry, Reason reason, long millis) {
        assertThat(new ServiceRetryGatewayFilterFactory.Config().waitBefore(retry, reason))
                .isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        ServiceRetryGatewayFilterFactory.Config config = new ServiceRetryGatewayFilterFactory.Config();
        config.setMaxBackoff(Duration.ofMillis(10));
        assertThatThrownBy(config::validate).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBackoff");
        ServiceRetryGatewayFilterFactory.Config negative = new ServiceRetryGatewayFilterFactory.Config();
        negative.setRetries(-1);
        assertThatThrownBy(negative::validate).isInstanceOf(IllegalArgumentException.class);
    }
}
