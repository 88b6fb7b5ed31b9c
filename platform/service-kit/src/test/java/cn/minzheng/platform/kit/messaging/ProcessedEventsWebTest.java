package cn.minzheng.platform.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** Consumer dedupe on the Mongo-wire server, with the unique index the kit creates at start. */
class ProcessedEventsWebTest extends WebAppTestBase {

    @Autowired
    ProcessedEvents processed;

    @Test
    void firstSightOnlyOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();
        assertThat(processed.markIfFirst("audit", eventId).block()).isTrue();
        assertThat(processed.markIfFirst("audit", eventId).block()).isFalse();
        assertThat(processed.markIfFirst("read-model", eventId).block()).isTrue();
        processed.unmark("audit", eventId).block();
        assertThat(processed.markIfFirst("audit", eventId).block()).isTrue();
    }

    @Test
    void concurrentDeliveriesYieldExactlyOneFirst() {
        String eventId = UUID.randomUUID().toString();
        List<Boolean> results = Flux.range(0, 8).flatMap(i -> processed.markIfFirst("audit", eventId), 8).collectList().block();
        assertThat(results).containsOnlyOnce(true).hasSize(8);
    }
}
