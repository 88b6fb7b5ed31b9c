package cn.minzheng.org.creditcode;

import cn.minzheng.org.OrgServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Serials (and so credit codes) stay unique when many approvals of one authority run at once, on the Mongo-wire server. */
class SerialCounterTest extends OrgServiceTestBase {
    @Autowired
    SerialCounter serials;

    @Test
    void concurrentIncrementsNeverRepeat() {
        List<Long> drawn = Flux.range(0, 200).parallel(8).runOn(Schedulers.parallel())
                .flatMap(i -> serials.next("429001")).sequential().collectList().block();
        assertThat(new HashSet<>(drawn)).hasSize(200);
        assertThat(drawn).allSatisfy(n -> assertThat(n).isBetween(1L, 200L));
        assertThat(serials.next("429002").block()).isEqualTo(1L);
    }
}
