package cn.minzheng.audit.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauge {@code audit.chain.head.sequence{chain}}: the highest head sequence this instance has seen
 * per chain — from its own appends and from each checkpoint run, which reads every head from the
 * store (so chains appended by another instance show up too). Never goes down.
 */
public class ChainHeadGauges {

    public static final String METER = "audit.chain.head.sequence";

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> heads = new ConcurrentHashMap<>();

    public ChainHeadGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    public void observe(ChainHead head) {
        heads.computeIfAbsent(head.chain(), chain -> meters.gauge(METER, Tags.of("chain", chain), new AtomicLong()))
                .accumulateAndGet(head.sequence(), Math::max);
    }

    public OptionalLong sequence(String chain) {
        AtomicLong seen = heads.get(chain);
        return seen == null ? OptionalLong.empty() : OptionalLong.of(seen.get());
    }
}
