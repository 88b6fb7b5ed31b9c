package cn.minzheng.audit.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds realistic chains for tests. */
public final class ChainFixture {

    public static final String TOPIC = "assistance.events";
    public static final Instant RECEIVED = Instant.parse("2026-03-01T08:00:00.123Z");
    /** The tests' record key (fixed bytes, so fixtures are reproducible). */
    public static final RecordMac.Key RECORD_KEY = RecordMac.Key.of(bytes(32, 7));
    /** A key retired before {@link #RECORD_KEY}. */
    public static final RecordMac.Key RETIRED_RECORD_KEY = RecordMac.Key.of(bytes(32, 11));
    public static final RecordMac MACS = RecordMac.of(RECORD_KEY, List.of(RETIRED_RECORD_KEY));

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        return b;
    }

    private ChainFixture() {
    }

    public static IncomingEvent event(String topic, int partition, long offset) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("aggregateId", "DB2026-" + (offset % 7));
        data.put("aggregateType", "AssistanceApplication");
        data.put("fromStatus", "SUBMITTED");
        data.put("toStatus", "ACCEPTED");
        data.put("reason", "材料齐全 " + offset);
        data.put("changes", Map.of("amountFen", 65000 + offset));
        return new IncomingEvent("evt-" + topic + "-" + partition + "-" + offset, topic, partition, offset,
                "minzheng.assistance.application.accepted.v1", "DB2026-" + (offset % 7), "clerk-" + (offset % 3),
                "CLERK", "110105", "2026-03-01T08:00:0" + (offset % 10) + "+08:00",
                "0af7651916cd43dd8448eb211c80319c", data);
    }

    public static List<AuditRecord> chain(int length) {
        return chain(TOPIC, 0, length);
    }

    /** A chain as written now: every record MAC'd with {@link #RECORD_KEY}. */
    public static List<AuditRecord> chain(String topic, int partition, int length) {
        return ChainHead.empty(ChainHead.chainId(topic, partition)).extend(events(topic, partition, length), RECEIVED,
                MACS).records();
    }

    /** A chain as written before record MACs (no MAC on any record). */
    public static List<AuditRecord> legacyChain(String topic, int partition, int length) {
        return ChainHead.empty(ChainHead.chainId(topic, partition)).extend(events(topic, partition, length), RECEIVED)
                .records();
    }

    /** What someone holding only the database credential can write: correctly linked records without the key's MAC. */
    public static ChainHead.Extension extendWithoutKey(ChainHead head, List<IncomingEvent> events, Instant receivedAt) {
        return head.extend(events, receivedAt);
    }

    private static List<IncomingEvent> events(String topic, int partition, int length) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            events.add(event(topic, partition, 100 + i));
        }
        return events;
    }

    /** A copy of {@code r} with different data, hash kept (an edit that was not re-hashed). */
    public static AuditRecord withData(AuditRecord r, Object data) {
        return new AuditRecord(r.chain(), r.sequence(), r.prevHash(), r.eventId(), r.topic(), r.partition(), r.offset(),
                r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(), r.traceId(), data,
                r.receivedAt(), r.hash(), r.macKeyId(), r.mac());
    }

    public static AuditRecord withSequence(AuditRecord r, long sequence) {
        return new AuditRecord(r.chain(), sequence, r.prevHash(), r.eventId(), r.topic(), r.partition(), r.offset(),
                r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(), r.traceId(), r.data(),
                r.receivedAt(), r.hash(), r.macKeyId(), r.mac());
    }

    /** Re-computes the hash after an edit, as an attacker with write access could. */
    public static AuditRecord rehashed(AuditRecord r) {
        AuditRecord unhashed = new AuditRecord(r.chain(), r.sequence(), r.prevHash(), r.eventId(), r.topic(),
                r.partition(), r.offset(), r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(),
                r.traceId(), r.data(), r.receivedAt(), null);
        return new AuditRecord(r.chain(), r.sequence(), r.prevHash(), r.eventId(), r.topic(), r.partition(), r.offset(),
                r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(), r.traceId(), r.data(),
                r.receivedAt(), unhashed.computedHash(), r.macKeyId(), r.mac());
    }

    public static AuditRecord withPrevHash(AuditRecord r, String prevHash) {
        return rehashed(new AuditRecord(r.chain(), r.sequence(), prevHash, r.eventId(), r.topic(), r.partition(),
                r.offset(), r.type(), r.subject(), r.actorId(), r.actorRole(), r.regionCode(), r.time(), r.traceId(),
                r.data(), r.receivedAt(), null, r.macKeyId(), r.mac()));
    }
}
