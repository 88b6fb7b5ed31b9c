package cn.minzheng.audit.verify;

import static cn.minzheng.audit.chain.ChainFixture.chain;
import static cn.minzheng.audit.chain.ChainFixture.rehashed;
import static cn.minzheng.audit.chain.ChainFixture.withData;
import static cn.minzheng.audit.chain.ChainFixture.withPrevHash;
import static cn.minzheng.audit.chain.ChainFixture.withSequence;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.verify.ChainFailure.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainWalkTest {

    private static final String CHAIN = "assistance.events-0";

    @Test
    void intactChainIsOkWithItsCount() {
        List<AuditRecord> records = chain(10);
        ChainVerdict v = walk(records, Map.of(8L, records.get(7).hash()), 10L);
        assertThat(v.ok()).isTrue();
        assertThat(v.count()).isEqualTo(10);
        assertThat(v.toSequence()).isEqualTo(10);
        assertThat(v.headHash()).isEqualTo(records.get(9).hash());
        assertThat(v.signedUpTo()).isEqualTo(8);
    }

    @Test
    void aRangeAnchoredOnThePreviousHashVerifies() {
        List<AuditRecord> records = chain(10);
        ChainWalk walk = new ChainWalk(CHAIN, 4, records.get(2).hash(), Map.of());
        records.subList(3, 7).forEach(walk::accept);
        ChainVerdict v = walk.finish(7L);
        assertThat(v.ok()).isTrue();
        assertThat(v.count()).isEqualTo(4);
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("edit the data of #5", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.set(4, withData(rs.get(4), Map.of("toStatus", "REJECTED")));
                    return rs;
                }, Kind.CONTENT_CHANGED, 5L),
                Arguments.of("edit #5 and re-hash it", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.set(4, rehashed(withData(rs.get(4), Map.of("toStatus", "REJECTED"))));
                    return rs;
                }, Kind.LINK_BROKEN, 6L),
                Arguments.of("delete #5", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.remove(4);
                    return rs;
                }, Kind.MISSING, 5L),
                Arguments.of("delete the last record", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.remove(9);
                    return rs;
                }, Kind.MISSING, 10L),
                Arguments.of("insert a copy of #3 after it", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.add(3, rs.get(2));
                    return rs;
                }, Kind.OUT_OF_ORDER, 4L),
                Arguments.of("insert a forged #5 and renumber the rest", (UnaryOperator<List<AuditRecord>>) rs -> {
                    AuditRecord forged = withPrevHash(withData(rs.get(4), Map.of("forged", true)), rs.get(3).hash());
                    List<AuditRecord> out = new ArrayList<>(rs.subList(0, 4));
                    out.add(forged);
                    rs.subList(4, rs.size()).forEach(r -> out.add(withSequence(r, r.sequence() + 1)));
                    return out;
                }, Kind.CONTENT_CHANGED, 6L),
                Arguments.of("insert a forged #5 and re-hash the whole tail", (UnaryOperator<List<AuditRecord>>) rs -> {
                    IncomingEvent forged = ChainFixture.event(ChainFixture.TOPIC, 0, 999);
                    List<IncomingEvent> tail = new ArrayList<>();
                    tail.add(forged);
                    for (AuditRecord r : rs.subList(4, rs.size())) {
                        tail.add(ChainFixture.event(r.topic(), r.partition(), r.offset()));
                    }
                    List<AuditRecord> out = new ArrayList<>(rs.subList(0, 4));
                    out.addAll(new ChainHead(CHAIN, 4, rs.get(3).hash()).extend(tail, ChainFixture.RECEIVED).records());
                    return out.subList(0, 10);
                }, Kind.CHECKPOINT_MISMATCH, 8L),
                Arguments.of("swap #5 and #6 in the file", (UnaryOperator<List<AuditRecord>>) rs -> {
                    Collections.swap(rs, 4, 5);
                    return rs;
                }, Kind.MISSING, 5L),
                Arguments.of("swap the sequence numbers of #5 and #6", (UnaryOperator<List<AuditRecord>>) rs -> {
                    AuditRecord five = rs.get(4);
                    AuditRecord six = rs.get(5);
                    rs.set(4, withSequence(six, 5));
                    rs.set(5, withSequence(five, 6));
                    return rs;
                }, Kind.CONTENT_CHANGED, 5L),
                Arguments.of("a record of another chain replaces #5", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.set(4, chain("org.events", 0, 5).get(4));
                    return rs;
                }, Kind.FOREIGN_RECORD, 5L));
    }

    @ParameterizedTest(name = "{0} -> {2} at #{3}")
    @MethodSource("tamperings")
    void namesTheFirstTamperedSequence(String what, UnaryOperator<List<AuditRecord>> tamper, Kind kind, long sequence) {
        List<AuditRecord> original = chain(10);
        Map<Long, String> signed = Map.of(8L, original.get(7).hash());
        ChainVerdict v = walk(tamper.apply(new ArrayList<>(original)), signed, 10L);
        assertThat(v.ok()).as(what).isFalse();
        assertThat(v.failure().kind()).as(what).isEqualTo(kind);
        assertThat(v.failure().sequence()).as(what).isEqualTo(sequence);
        assertThat(v.count()).as(what).isEqualTo(sequence - 1);
    }

    @Test
    void contentChangeReportsExpectedAndFoundHash() {
        List<AuditRecord> records = chain(6);
        AuditRecord edited = withData(records.get(2), Map.of());
        records = new ArrayList<>(records);
        records.set(2, edited);
        ChainFailure f = walk(records, Map.of(), 6L).failure();
        assertThat(f.foundHash()).isEqualTo(edited.hash());
        assertThat(f.expectedHash()).isEqualTo(edited.computedHash()).isNotEqualTo(edited.hash());
    }

    @Test
    void aCheckpointBeyondTheRecordsMeansTheTailWasCut() {
        List<AuditRecord> records = chain(10);
        ChainVerdict v = walk(records.subList(0, 7), Map.of(8L, records.get(7).hash()), null);
        assertThat(v.ok()).isFalse();
        assertThat(v.failure().kind()).isEqualTo(Kind.MISSING);
        assertThat(v.failure().sequence()).isEqualTo(8);
    }

    private static ChainVerdict walk(List<AuditRecord> records, Map<Long, String> signed, Long last) {
        ChainWalk walk = new ChainWalk(CHAIN, 1, null, signed);
        records.forEach(walk::accept);
        return walk.finish(last);
    }
}
