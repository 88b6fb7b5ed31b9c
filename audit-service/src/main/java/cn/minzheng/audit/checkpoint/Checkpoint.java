package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "chain C had head hash H at sequence N at time T" (Ed25519 over the canonical
 * JSON of those fields and the key id). Anyone with the public key can check it offline.
 */
public record Checkpoint(String chain, long sequence, String hash, String signedAt, String keyId, String signature) {

    /** The bytes the signature covers. */
    public byte[] signedBytes() {
        return CanonicalJson.write(signedContent()).getBytes(StandardCharsets.UTF_8);
    }

    Map<String, Object> signedContent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chain", chain);
        m.put("sequence", sequence);
        m.put("hash", hash);
        m.put("signedAt", signedAt);
        m.put("keyId", keyId);
        return m;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = signedContent();
        m.put("signature", signature);
        return m;
    }

    public static Checkpoint fromJson(Map<String, ?> m) {
        Object seq = m.get("sequence");
        if (!(seq instanceof Long || seq instanceof Integer)) {
            throw new IllegalArgumentException("checkpoint sequence must be a whole number");
        }
        return new Checkpoint(str(m, "chain"), ((Number) seq).longValue(), str(m, "hash"), str(m, "signedAt"),
                str(m, "keyId"), str(m, "signature"));
    }

    private static String str(Map<String, ?> m, String field) {
        if (!(m.get(field) instanceof String s)) {
            throw new IllegalArgumentException("checkpoint field " + field + " must be a string");
        }
        return s;
    }
}
