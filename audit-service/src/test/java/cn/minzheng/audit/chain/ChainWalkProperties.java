package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ChainWalkProperties {

    @Property(tries = 100)
    void anyUntouchedChainVerifies(@ForAll @IntRange(min = 0, max = 60) int length) {
        List<AuditRecord> records = ChainFixture.chain(length);
        ChainWalk walk = new ChainWalk("assistance.events-0", 1, null, Map.of());
        records.forEach(walk::accept);
        ChainVerdict v = walk.finish((long) length);
        assertThat(v.ok()).isTrue();
        assertThat(v.count()).isEqualTo(length);
    }

    @Property(tries = 200)
    void anyEditIsNamedAtItsSequence(@ForAll @IntRange(min = 1, max = 40) int length,
            @ForAll @IntRange(min = 0, max = 39) int at, @ForAll @StringLength(max = 8) String reason) {
        int index = at % length;
        List<AuditRecord> records = new ArrayList<>(ChainFixture.chain(length));
        AuditRecord original = records.get(index);
        records.set(index, ChainFixture.withData(original, Map.of("reason", reason)));
        ChainWalk walk = new ChainWalk("assistance.events-0", 1, null, Map.of());
        records.forEach(walk::accept);
        ChainVerdict v = walk.finish((long) length);
        assertThat(v.ok()).isFalse();
        assertThat(v.failure().sequence()).isEqualTo(original.sequence());
    }

    @Property(tries = 200)
    void anyDeletionIsNamedAtItsSequence(@ForAll @IntRange(min = 1, max = 40) int length,
            @ForAll @IntRange(min = 0, max = 39) int at) {
        int index = at % length;
        List<AuditRecord> records = new ArrayList<>(ChainFixture.chain(length));
        records.remove(index);
        ChainWalk walk = new ChainWalk("assistance.events-0", 1, null, Map.of());
        records.forEach(walk::accept);
        ChainVerdict v = walk.finish((long) length);
        assertThat(v.ok()).isFalse();
        assertThat(v.failure().kind()).isEqualTo(ChainFailure.Kind.MISSING);
        assertThat(v.failure().sequence()).isEqualTo(index + 1);
    }
}
