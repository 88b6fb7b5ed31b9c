package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.CanonicalJson;
import cn.minzheng.audit.checkpoint.Checkpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The NDJSON export format, one JSON object per line, told apart by {@code "@type"}:
 * a header ({@code audit-export}), then the signed checkpoints of the range, then the records in
 * sequence order. Every line is canonical JSON, so the file itself is reproducible.
 */
public final class NdjsonLines {

    public static final String TYPE = "@type";
    public static final String HEADER = "audit-export";
    public static final String CHECKPOINT = "checkpoint";
    public static final String RECORD = "record";

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
        m.put("hashRule", "SHA-256(prevHash || RFC 8785 canonical JSON of the record without hash)");
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
