package cn.minzheng.audit.chain;

import static cn.minzheng.audit.chain.ChainFixture.chain;
import static cn.minzheng.audit.chain.ChainFixture.rehashed;
import static cn.minzheng.audit.chain.ChainFixture.withData;
import static cn.minzheng.audit.chain.ChainFixture.withPrevHash;
import static cn.minzheng.audit.chain.ChainFixture.withSequence;
import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.audit.chain.ChainFailure.Kind;
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
        assertThat(v.status()).isEqualTo("AUTHENTICATED");
        assertThat(v.authenticatedCount()).isEqualTo(10);
        assertThat(v.unauthenticated()).isNull();
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
                }, Kind.MAC_INVALID, 5L), // keyless: LINK_BROKEN at #6
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
                }, Kind.MAC_INVALID, 5L), // keyless: CONTENT_CHANGED at #6
                Arguments.of("insert a forged #5 and re-hash the whole tail", (UnaryOperator<List<AuditRecord>>) rs -> {
                    IncomingEvent forged = ChainFixture.event(ChainFixture.TOPIC, 0, 999);
                    List<IncomingEvent> tail = new ArrayList<>();
                    tail.add(forged);
                    for (AuditRecord r : rs.subList(4, rs.size())) {
                        tail.add(ChainFixture.event(r.topic(), r.partition(), r.offset()));
                    }
                    List<AuditRecord> out = new ArrayList<>(rs.subList(0, 4));
                    out.addAll(ChainFixture.extendWithoutKey(new ChainHead(CHAIN, 4, rs.get(3).hash()), tail, ChainFixture.RECEIVED)
                            .records());
                    return out.subList(0, 10);
                }, Kind.MAC_MISSING, 5L), // keyless: CHECKPOINT_MISMATCH at #8
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

    /**
     * Issue 14 item 3: what a holder of the database credential alone can do to a MAC'd chain — write
     * records whose hashes and links are all consistent — named at its sequence by the record MACs,
     * with no signed checkpoint to help.
     */
    static Stream<Arguments> forgeriesWithTheDatabaseCredential() {
        return Stream.of(
                Arguments.of("append a correctly linked #11 without a MAC", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.addAll(forgedTail(rs, 10, 1, null));
                    return rs;
                }, Kind.MAC_MISSING, 11L),
                Arguments.of("append a correctly linked #11 with a made-up MAC", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.addAll(forgedTail(rs, 10, 1, "f".repeat(64)));
                    return rs;
                }, Kind.MAC_INVALID, 11L),
                Arguments.of("append #11 MAC'd by a key of its own", (UnaryOperator<List<AuditRecord>>) rs -> {
                    RecordMac own = RecordMac.of(RecordMac.Key.of(new byte[32]), List.of());
                    rs.addAll(forgedTail(rs, 10, 1, null).stream().map(own::sign).toList());
                    return rs;
                }, Kind.MAC_UNKNOWN_KEY, 11L),
                Arguments.of("append #11 with #10's MAC copied", (UnaryOperator<List<AuditRecord>>) rs -> {
                    AuditRecord ten = rs.get(9);
                    rs.addAll(forgedTail(rs, 10, 1, null).stream().map(r -> r.withMac(ten.macKeyId(), ten.mac())).toList());
                    return rs;
                }, Kind.MAC_INVALID, 11L),
                Arguments.of("edit #5, re-hash and re-link the whole tail, MACs kept", (UnaryOperator<List<AuditRecord>>) rs -> {
                    List<AuditRecord> out = new ArrayList<>(rs.subList(0, 4));
                    String prev = rs.get(3).hash();
                    for (AuditRecord r : rs.subList(4, rs.size())) {
                        AuditRecord edited = r.sequence() == 5 ? withData(r, Map.of("toStatus", "REJECTED")) : r;
                        AuditRecord relinked = withPrevHash(edited, prev);
                        out.add(relinked);
                        prev = relinked.hash();
                    }
                    return out;
                }, Kind.MAC_INVALID, 5L),
                Arguments.of("reorder: #5 and #6 swapped, renumbered, re-linked, MACs moved along", (UnaryOperator<List<AuditRecord>>) rs -> {
                    List<AuditRecord> out = new ArrayList<>(rs.subList(0, 4));
                    String prev = rs.get(3).hash();
                    List<AuditRecord> moved = new ArrayList<>(rs.subList(4, rs.size()));
                    Collections.swap(moved, 0, 1);
                    long seq = 5;
                    for (AuditRecord r : moved) {
                        AuditRecord relinked = withPrevHash(withSequence(r, seq++), prev);
                        out.add(relinked);
                        prev = relinked.hash();
                    }
                    return out;
                }, Kind.MAC_INVALID, 5L),
                Arguments.of("strip the MAC of #5", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.set(4, rs.get(4).withMac(null, null));
                    return rs;
                }, Kind.MAC_MISSING, 5L),
                Arguments.of("relabel #5's MAC with the retired key's id", (UnaryOperator<List<AuditRecord>>) rs -> {
                    rs.set(4, rs.get(4).withMac(ChainFixture.RETIRED_RECORD_KEY.keyId(), rs.get(4).mac()));
                    return rs;
                }, Kind.MAC_INVALID, 5L));
    }

    /** Correctly linked records after {@code rs}'s record {@code after}, as the database credential alone can write them. */
    private static List<AuditRecord> forgedTail(List<AuditRecord> rs, long after, int n, String mac) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(ChainFixture.event(ChainFixture.TOPIC, 0, 5000 + i));
        }
        AuditRecord last = rs.get((int) after - 1);
        return ChainFixture.extendWithoutKey(new ChainHead(CHAIN, after, last.hash()), events, ChainFixture.RECEIVED)
                .records().stream().map(r -> mac == null ? r : r.withMac(ChainFixture.RECORD_KEY.keyId(), mac)).toList();
    }

    @ParameterizedTest(name = "{0} -> {2} at #{3}")
    @MethodSource("forgeriesWithTheDatabaseCredential")
    void aForgeryWithoutTheRecordKeyIsNamedWithoutAnyCheckpoint(String what, UnaryOperator<List<AuditRecord>> tamper,
            Kind kind, long sequence) {
        List<AuditRecord> forged = tamper.apply(new ArrayList<>(chain(10)));
        ChainVerdict v = walk(forged, Map.of(), (long) forged.size());
        assertThat(v.ok()).as(what).isFalse();
        assertThat(v.failure().kind()).as(what).isEqualTo(kind);
        assertThat(v.failure().sequence()).as(what).isEqualTo(sequence);
        assertThat(v.count()).as(what).isEqualTo(sequence - 1);
        // the keyless checks alone (hash, link) pass every one of them but a stripped MAC
        ChainWalk keyless = new ChainWalk(CHAIN, 1, null, Map.of());
        forged.forEach(keyless::accept);
        assertThat(keyless.finish((long) forged.size()).ok()).as(what).isEqualTo(kind != Kind.MAC_MISSING);
    }

    @Test
    void aTrailWrittenBeforeRecordMacsIsNamedAsAnUnauthenticatedRangeNotPassedSilently() {
        List<AuditRecord> legacy = ChainFixture.legacyChain(ChainFixture.TOPIC, 0, 4);
        List<AuditRecord> records = new ArrayList<>(legacy);
        // after the upgrade the chain goes on, MAC'd
        List<IncomingEvent> later = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            later.add(ChainFixture.event(ChainFixture.TOPIC, 0, 200 + i));
        }
        records.addAll(new ChainHead(CHAIN, 4, legacy.get(3).hash()).extend(later, ChainFixture.RECEIVED,
                ChainFixture.MACS).records());
        ChainVerdict v = walk(records, Map.of(), 10L);
        assertThat(v.ok()).isTrue();
        assertThat(v.status()).isEqualTo("UNAUTHENTICATED_RECORDS");
        assertThat(v.authenticated()).isFalse();
        assertThat(v.unauthenticated()).isEqualTo(new ChainVerdict.Unauthenticated(1, 4));
        assertThat(v.unauthenticated().reason()).contains("sequences 1..4", "no record MAC");
        assertThat(v.authenticatedCount()).isEqualTo(6);

        ChainVerdict whole = walk(ChainFixture.legacyChain(ChainFixture.TOPIC, 0, 10), Map.of(), 10L);
        assertThat(whole.status()).isEqualTo("UNAUTHENTICATED_RECORDS");
        assertThat(whole.unauthenticated()).isEqualTo(new ChainVerdict.Unauthenticated(1, 10));
    }

    @Test
    void recordsMacdBeforeARotationVerifyWithTheRetiredKeyKeptBesideTheNewOne() {
        RecordMac before = RecordMac.of(ChainFixture.RETIRED_RECORD_KEY, List.of());
        List<AuditRecord> old = ChainHead.empty(CHAIN).extend(
                List.of(ChainFixture.event(ChainFixture.TOPIC, 0, 1), ChainFixture.event(ChainFixture.TOPIC, 0, 2)),
                ChainFixture.RECEIVED, before).records();
        List<AuditRecord> records = new ArrayList<>(old);
        records.addAll(new ChainHead(CHAIN, 2, old.get(1).hash()).extend(
                List.of(ChainFixture.event(ChainFixture.TOPIC, 0, 3)), ChainFixture.RECEIVED, ChainFixture.MACS).records());
        assertThat(records).extracting(AuditRecord::macKeyId).containsExactly(ChainFixture.RETIRED_RECORD_KEY.keyId(),
                ChainFixture.RETIRED_RECORD_KEY.keyId(), ChainFixture.RECORD_KEY.keyId());
        ChainVerdict v = walk(records, Map.of(), 3L);
        assertThat(v.status()).isEqualTo("AUTHENTICATED");
        assertThat(v.authenticatedCount()).isEqualTo(3);

        // without the retired key, the first record it MAC'd is named
        ChainWalk newKeyOnly = new ChainWalk(CHAIN, 1, null, Map.of(), RecordMac.of(ChainFixture.RECORD_KEY, List.of()));
        records.forEach(newKeyOnly::accept);
        ChainVerdict missingKey = newKeyOnly.finish(3L);
        assertThat(missingKey.failure().kind()).isEqualTo(Kind.MAC_UNKNOWN_KEY);
        assertThat(missingKey.failure().sequence()).isEqualTo(1);
    }

    @Test
    void withoutTheRecordKeyMacsAreNotCheckedAndTheVerdictSaysSo() {
        ChainWalk walk = new ChainWalk(CHAIN, 1, null, Map.of());
        chain(5).forEach(walk::accept);
        ChainVerdict v = walk.finish(5L);
        assertThat(v.ok()).isTrue();
        assertThat(v.status()).isEqualTo("MACS_NOT_CHECKED");
        assertThat(v.macsChecked()).isFalse();
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
        ChainWalk walk = new ChainWalk(CHAIN, 1, null, signed, ChainFixture.MACS);
        records.forEach(walk::accept);
        return walk.finish(last);
    }
}
