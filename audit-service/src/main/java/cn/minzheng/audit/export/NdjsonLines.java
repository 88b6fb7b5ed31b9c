package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.CanonicalJson;
import cn.minzheng.audit.checkpoint.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NDJSON export formats, one canonical-JSON object per line, told apart by {@code "@type"}.
 * <ul>
 * <li>Chain export: a header ({@value #HEADER}), the signed checkpoints of the range, then the
 *     records in sequence order.</li>
 * <li>Query export: a header ({@value #QUERY_HEADER}) with the query as run (region already
 *     narrowed to the caller's scope), then per chain its records in sequence order followed by
 *     that chain's signed checkpoints between the first and last exported sequence, then a
 *     trailer ({@value #END}) with the counts — its absence means the download was cut.</li>
 * </ul>
 * NDJSON is the verification format, so its times stay the instants as recorded (UTC, {@code Z}), not
 * China time like the views and the CSV/XLSX rows: each record line is the very text its hash and MAC
 * cover, and {@code OfflineVerifier} recomputes them from it — a re-rendered time would fail every record.
 */
public final class NdjsonLines {

    public static final String TYPE = "@type";
    public static final String HEADER = "audit-export";
    public static final String CHECKPOINT = "checkpoint";
    public static final String RECORD = "record";
    public static final String QUERY_HEADER = "audit-query-export";
    public static final String END = "audit-export-end";
    static final String HASH_RULE = "SHA-256(prevHash || RFC 8785 canonical JSON of the record without hash)";

    private NdjsonLines() {
    }

    public static String header(String chain, long fromSequence, long toSequence, String keyId, String exportedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TYPE, HEADER);
        m.put("chain", chain);
        m.put("fromSequence", fromSequence);
        m.put("toSequence", toSequence);
        m.put("keyId", keyId);
        m.put("exportedAt", exportedAt);
        m.put("hashRule", HASH_RULE);
        return CanonicalJson.write(m) + "\n";
    }

    /** The header of a query export; {@code query} holds the filters as run (nulls for unset ones). */
    public static String queryHeader(Map<String, Object> query, String keyId, String exportedAt, int maxRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TYPE, QUERY_HEADER);
        m.put("query", query);
        m.put("order", "chain, sequence");
        m.put("maxRows", maxRows);
        m.put("keyId", keyId);
        m.put("exportedAt", exportedAt);
        m.put("hashRule", HASH_RULE);
        m.put("proves", "each record's own hash; the links between consecutive records of a chain; the checkpoints'"
                + " signatures and the records they sign. Not that no record is missing between non-consecutive"
                + " ones: OfflineVerifier lists those gaps with the online check for each");
        return CanonicalJson.write(m) + "\n";
    }

    public static String end(long records, int chains, boolean truncated) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(TYPE, END);
        m.put("records", records);
        m.put("chains", chains);
        m.put("truncated", truncated);
        return CanonicalJson.write(m) + "\n";
    }

    public static String checkpoint(Checkpoint c) {
        Map<String, Object> m = c.toJson();
        m.put(TYPE, CHECKPOINT);
        return CanonicalJson.write(m) + "\n";
    }

    public static String record(AuditRecord r) {
        Map<String, Object> m = r.toJson();
        m.put(TYPE, RECORD);
        return CanonicalJson.write(m) + "\n";
    }
}
