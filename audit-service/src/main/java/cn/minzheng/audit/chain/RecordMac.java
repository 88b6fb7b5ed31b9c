package cn.minzheng.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The record MAC (issue 14 item 3): {@code HMAC-SHA-256(key, RFC 8785 canonical JSON of the record
 * — every hashed field, its {@code hash} and {@code macKeyId})}, lower-case hex, stored beside the
 * record as {@code mac} with the key's id as {@code macKeyId}. The chain hash is keyless, so anyone
 * who may write the audit database could append a correctly linked record or rewrite a tail; the
 * key is held outside MongoDB (a file, the compose secret {@code audit_record_key}), so a database
 * credential alone can no longer make a record that verifies.
 *
 * <p>Several keys: the current key MACs new records; retired keys only verify old ones, each
 * record naming its key by {@code macKeyId} (inside the MAC'd bytes, so relabelling a record with
 * another key's id fails too). A key id is derived from the key ({@link Key#idOf}), never chosen.
 */
public final class RecordMac {

    static final String ALGORITHM = "HmacSHA256";

    /** One MAC key and its id. */
    public record Key(String keyId, byte[] secret) {
        /** At least 256 bits, as HMAC-SHA-256's block-size rules make sense of (RFC 2104 §3). */
        public static final int MIN_BYTES = 32;

        public Key {
            Objects.requireNonNull(keyId, "keyId");
            if (secret == null || secret.length < MIN_BYTES) {
                throw new IllegalArgumentException("a record key holds at least " + MIN_BYTES + " bytes");
            }
            secret = secret.clone();
        }

        public static Key of(byte[] secret) {
            return new Key(idOf(secret), secret);
        }

        /**
         * {@code rk-} + the first 16 hex digits of SHA-256 over a label and the key: the same file
         * always has the same id; the id says nothing usable about the key.
         */
        public static String idOf(byte[] secret) {
            MessageDigest sha = ChainDigest.sha256();
            sha.update("minzheng audit record key id\n".getBytes(StandardCharsets.UTF_8));
            sha.update(secret);
            return "rk-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
        }

        @Override
        public byte[] secret() {
            return secret.clone();
        }

        @Override
        public String toString() {
            return "RecordMac.Key[" + keyId + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.keyId.equals(keyId) && Arrays.equals(k.secret, secret);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode();
        }
    }

    /** What a record's MAC says. */
    public enum Outcome {
        /** Made with a known key over exactly this record. */
        VALID,
        /** The record carries no MAC (written before record MACs, or its MAC was removed). */
        NO_MAC,
        /** The record names a key id this verifier does not hold. */
        UNKNOWN_KEY,
        /** The MAC does not match the record: altered, moved, or made without the key. */
        WRONG
    }

    private final Key current;
    private final Map<String, Key> byId;

    private RecordMac(Key current, List<Key> retired) {
        this.current = current;
        Map<String, Key> keys = new LinkedHashMap<>();
        if (current != null) {
            keys.put(current.keyId(), current);
        }
        retired.forEach(k -> keys.putIfAbsent(k.keyId(), k));
        this.byId = java.util.Collections.unmodifiableMap(keys); // insertion order: current first
    }

    /** The current key (MACs new records) and retired keys (verify older records only). */
    public static RecordMac of(Key current, List<Key> retired) {
        return new RecordMac(Objects.requireNonNull(current, "current"), List.copyOf(retired));
    }

    /** Keys that only verify (the offline verifier). */
    public static RecordMac verifying(List<Key> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no record key given");
        }
        return new RecordMac(null, List.copyOf(keys));
    }

    public String currentKeyId() {
        return current == null ? null : current.keyId();
    }

    /** The ids of every key held, current first. */
    public List<String> keyIds() {
        return new ArrayList<>(byId.keySet());
    }

    /** The record with its {@code macKeyId} and {@code mac} set by the current key. */
    public AuditRecord sign(AuditRecord r) {
        if (current == null) {
            throw new IllegalStateException("a verifying RecordMac has no current key");
        }
        return r.withMac(current.keyId(), mac(current, r, current.keyId()));
    }

    public Outcome check(AuditRecord r) {
        if (r.mac() == null && r.macKeyId() == null) {
            return Outcome.NO_MAC;
        }
        Key key = r.macKeyId() == null ? null : byId.get(r.macKeyId());
        if (key == null) {
            return r.mac() == null ? Outcome.WRONG : Outcome.UNKNOWN_KEY;
        }
        if (r.mac() == null) {
            return Outcome.WRONG;
        }
        byte[] expected = HexFormat.of().parseHex(mac(key, r, r.macKeyId()));
        byte[] found;
        try {
            found = HexFormat.of().parseHex(r.mac());
        } catch (IllegalArgumentException notHex) {
            return Outcome.WRONG;
        }
        return MessageDigest.isEqual(expected, found) ? Outcome.VALID : Outcome.WRONG;
    }

    /** The bytes a MAC covers: the record as exported (hashed fields + hash) and the key id. */
    static byte[] macInput(AuditRecord r, String keyId) {
        Map<String, Object> m = r.hashedContent();
        m.put("hash", r.hash());
        m.put("macKeyId", keyId);
        return CanonicalJson.bytes(m);
    }

    private static String mac(Key key, AuditRecord r, String keyId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(macInput(r, keyId)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
