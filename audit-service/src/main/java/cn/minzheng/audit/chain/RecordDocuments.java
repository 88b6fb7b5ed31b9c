package cn.minzheng.audit.chain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.bson.Document;

/**
 * How an {@link AuditRecord} lies in Mongo. The hashed fields are stored as they were hashed
 * ({@code data} as its canonical JSON text, so no store can change a number's type); a few derived
 * fields ({@code timeMs}, {@code day}, {@code service}, {@code fromStatus}, {@code toStatus},
 * {@code reason}) serve search, timeline and statistics and are never part of a proof.
 */
public final class RecordDocuments {

    public static final String COLLECTION = "audit_records";
    /** Days of statistics are counted in China Standard Time. */
    public static final ZoneId STATISTICS_ZONE = ZoneId.of("Asia/Shanghai");

    private RecordDocuments() {
    }

    public static String id(String chain, long sequence) {
        return chain + "#" + sequence;
    }

    public static Document toDocument(AuditRecord r) {
        Document d = new Document("_id", id(r.chain(), r.sequence()))
                .append("chain", r.chain())
                .append("sequence", r.sequence())
                .append("prevHash", r.prevHash())
                .append("eventId", r.eventId())
                .append("topic", r.topic())
                .append("partition", r.partition())
                .append("offset", r.offset())
                .append("type", r.type())
                .append("subject", r.subject())
                .append("actorId", r.actorId())
                .append("actorRole", r.actorRole())
                .append("regionCode", r.regionCode())
                .append("time", r.time())
                .append("traceId", r.traceId())
                .append("data", CanonicalJson.write(r.data()))
                .append("receivedAt", r.receivedAt())
                .append("hash", r.hash());
        if (r.macKeyId() != null || r.mac() != null) {
            d.append("macKeyId", r.macKeyId()).append("mac", r.mac());
        }
        long timeMs = timeMs(r);
        d.append("timeMs", timeMs)
                .append("day", Instant.ofEpochMilli(timeMs).atZone(STATISTICS_ZONE).toLocalDate().toString())
                .append("service", serviceOf(r.type(), r.topic()));
        if (r.data() instanceof Map<?, ?> data) {
            d.append("fromStatus", textOrNull(data.get("fromStatus")))
                    .append("toStatus", textOrNull(data.get("toStatus")))
                    .append("reason", textOrNull(data.get("reason")));
        }
        return d;
    }

    public static AuditRecord fromDocument(Document d) {
        return new AuditRecord(
                d.getString("chain"),
                ((Number) d.get("sequence")).longValue(),
                d.getString("prevHash"),
                d.getString("eventId"),
                d.getString("topic"),
                ((Number) d.get("partition")).intValue(),
                ((Number) d.get("offset")).longValue(),
                d.getString("type"),
                d.getString("subject"),
                d.getString("actorId"),
                d.getString("actorRole"),
                d.getString("regionCode"),
                d.getString("time"),
                d.getString("traceId"),
                JsonText.parse(d.getString("data")),
                d.getString("receivedAt"),
                d.getString("hash"),
                d.get("macKeyId") instanceof String k ? k : null,
                d.get("mac") instanceof String m ? m : null);
    }

    /** {@code minzheng.<service>.…} gives the service; a type outside the scheme falls back to the topic. */
    public static String serviceOf(String type, String topic) {
        if (type != null) {
            String[] parts = type.split("\\.");
            if (parts.length >= 3 && parts[0].equals("minzheng")) {
                return parts[1];
            }
        }
        int dot = topic.indexOf('.');
        return dot > 0 ? topic.substring(0, dot) : topic;
    }

    /**
     * The record's derived {@code timeMs}: its event time, or when that is unreadable the time it was
     * received (what search, statistics and the count projection order and group by).
     */
    public static long timeMs(AuditRecord r) {
        return epochMillis(r.time(), r.receivedAt());
    }

    private static long epochMillis(String time, String fallback) {
        try {
            return java.time.OffsetDateTime.parse(time).toInstant().toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            return Instant.parse(fallback).toEpochMilli();
        }
    }

    private static String textOrNull(Object v) {
        return v instanceof String s ? s : null;
    }
}
