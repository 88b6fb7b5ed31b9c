package cn.minzheng.systemtests.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Components;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stopped for about 30 s while citizens submit: every submission succeeds (the
 * events wait in each case's outbox); when the broker is back every event reaches the audit trail
 * exactly once and every chain verifies.
 */
@Tag("fault")
@Order(10)
class KafkaOutageTest {

    static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void submissionsDuringABrokerOutageAllReachTheTrailOnceAfterItReturns() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        Trail trail = new Trail(gateway, tokens.of("outage-auditor", "AUDITOR", Households.COUNTY));
        String run = UUID.randomUUID().toString().substring(0, 8);

        Components.Stopped kafka = platform.components().stop(Components.Component.KAFKA, false);
        List<String> numbers = new ArrayList<>();
        Instant back = Instant.now().plus(OUTAGE);
        try {
            int i = 0;
            while (Instant.now().isBefore(back) || numbers.size() < 5) {
                String citizen = tokens.of("outage-citizen-" + run + "-" + i++, "CITIZEN", Households.TOWNSHIP);
                numbers.add(cases.submit(citizen, Households.dibao("700.00")));
                pause(Duration.ofSeconds(2));
            }
        } finally {
            platform.components().start(kafka);
        }
        assertThat(numbers).doesNotContainNull().doesNotHaveDuplicates();

        int[] lost = {0};
        int[] duplicated = {0};
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                lost[0] = 0;
                duplicated[0] = 0;
                for (String number : numbers) {
                    List<JsonNode> records = trail.ofSubject(number);
                    long submitted = records.stream()
                            .filter(r -> r.path("type").asString().equals("minzheng.assistance.application.submitted.v1"))
                            .count();
                    if (submitted == 0) {
                        lost[0]++;
                    } else if (submitted > 1) {
                        duplicated[0]++;
                    }
                }
                assertThat(lost[0]).as("submissions missing from the trail").isZero();
            });
        } finally {
            RunSummary.records(numbers.size(), lost[0], duplicated[0]);
        }
        assertThat(duplicated[0]).as("submissions in the trail more than once").isZero();
        trail.assertEveryChainVerifies();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
