package cn.minzheng.audit.chain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One link of a chain: an event as received, its place in the chain and its hash.
 *
 * <p>{@code hash = SHA-256(prevHash ‖ canonical JSON of every other field)}; see {@link ChainDigest}.
 * Times are kept as the strings they were hashed as, so a store can never reformat them. The
 * record MAC ({@link RecordMac}: {@code macKeyId}, {@code mac}) lies outside the hash, so hashes
 * and signed checkpoints of records written before MACs stay what they were.
 *
 * @param data     the event's JSON data as a plain-Java tree (see {@link JsonText})
 * @param macKeyId the id of the record key that made {@code mac}; null on a record without a MAC
 * @param mac      HMAC-SHA-256 of the record (see {@link RecordMac}), lower-case hex; null on a
 *                 record written before record MACs
 */
public record AuditRecord(
        String chain,
        long sequence,
        String prevHash,
        String eventId,
        String topic,
        int partition,
        long offset,
        String type,
        String subject,
        String actorId,
        String actorRole,
        String regionCode,
        String time,
        String traceId,
        Object data,
        String receivedAt,
        String hash,
        String macKeyId,
        String mac) {

    /** A record without a MAC (as written before record MACs; or not yet MAC'd). */
    public AuditRecord(String chain, long sequence, String prevHash, String eventId, String topic, int partition,
            long offset, String type, String subject, String actorId, String actorRole, String regionCode, String time,
            String traceId, Object data, String receivedAt, String hash) {
        this(chain, sequence, prevHash, eventId, topic, partition, offset, type, subject, actorId, actorRole,
                regionCode, time, traceId, data, receivedAt, hash, null, null);
    }

    /** This record with a MAC (see {@link RecordMac#sign}). */
    public AuditRecord withMac(String keyId, String mac) {
        return new AuditRecord(chain, sequence, prevHash, eventId, topic, partition, offset, type, subject, actorId,
                actorRole, regionCode, time, traceId, data, receivedAt, hash, keyId, mac);
    }

    /** Field names as they appear in the canonical JSON, exports and the store. */
    public static final String[] FIELDS = {
        "chain", "sequence", "prevHash", "eventId", "topic", "partition", "offset", "type", "subject",
        "actorId", "actorRole", "regionCode", "time", "traceId", "data", "receivedAt"};

    /** Everything the hash covers: the record without its own hash. */
    public Map<String, Object> hashedContent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", chain);
        m.put("sequence", sequence);
        m.put("prevHash", prevHash);
        m.put("eventId", eventId);
        m.put("topic", topic);
        m.put("partition", partition);
        m.put("offset", offset);
        m.put("type", type);
        m.put("subject", subject);
        m.put("actorId", actorId);
        m.put("actorRole", actorRole);
        m.put("regionCode", regionCode);
        m.put("time", time);
        m.put("traceId", traceId);
        m.put("data", data);
        m.put("receivedAt", receivedAt);
        return m;
    }

    /** The hash this record's content and prevHash give, whatever its stored hash says. */
    public String computedHash() {
        return ChainDigest.hash(prevHash, hashedContent());
    }

    /** The record with its hash (and its MAC when it has one), as exported. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = hashedContent();
        m.put("hash", hash);
        if (macKeyId != null || mac != null) {
            m.put("macKeyId", macKeyId);
            m.put("mac", mac);
        }
        return m;
    }

    /** Reads a record back from {@link #toJson()}; missing or mistyped fields are a {@link IllegalArgumentException}. */
    public static AuditRecord fromJson(Map<String, ?> m) {
        return new AuditRecord(
                text(m, "chain", true),
                whole(m, "sequence"),
                text(m, "prevHash", true),
                text(m, "eventId", true),
                text(m, "topic", true),
                Math.toIntExact(whole(m, "partition")),
                whole(m, "offset"),
                text(m, "type", false),
                text(m, "subject", false),
                text(m, "actorId", false),
                text(m, "actorRole", false),
                text(m, "regionCode", false),
                text(m, "time", false),
                text(m, "traceId", false),
                m.get("data"),
                text(m, "receivedAt", true),
                text(m, "hash", true),
                text(m, "macKeyId", false),
                text(m, "mac", false));
    }

    private static String text(Map<String, ?> m, String field, boolean required) {
        Object v = m.get(field);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("missing field " + field);
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("field " + field + " must be a string");
        }
        return s;
    }

    private static long whole(Map<String, ?> m, String field) {
        Object v = m.get(field);
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
            return d.longValue();
        }
        throw new IllegalArgumentException("field " + field + " must be a whole number");
    }
}
