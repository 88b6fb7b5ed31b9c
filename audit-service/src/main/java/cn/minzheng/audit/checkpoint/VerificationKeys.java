package cn.minzheng.audit.checkpoint;

import java.security.PublicKey;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys that may have signed a checkpoint, by key id: the current signing key and the
 * retired ones, so checkpoints signed before a key rotation stay valid. A checkpoint is checked
 * only against the key its signed {@code keyId} names (the id is part of the signed bytes, so it
 * cannot be swapped); an unknown id is not valid.
 */
public final class VerificationKeys {

    /** One key with its id; {@code current} for the key that signs now. */
    public record Entry(String keyId, PublicKey publicKey, boolean current) {
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    private VerificationKeys(PublicKey current, Collection<PublicKey> retired) {
        if (current != null) {
            byId.put(SigningKey.keyIdOf(current), new Entry(SigningKey.keyIdOf(current), current, true));
        }
        for (PublicKey key : retired) {
            byId.putIfAbsent(SigningKey.keyIdOf(key), new Entry(SigningKey.keyIdOf(key), key, false));
        }
    }

    /** The current key first, then the retired ones in the order given (duplicates dropped). */
    public static VerificationKeys of(PublicKey current, Collection<PublicKey> retired) {
        return new VerificationKeys(current, retired);
    }

    /** Keys an offline checker trusts, none of them "current". */
    public static VerificationKeys trusted(Collection<PublicKey> keys) {
        return new VerificationKeys(null, keys);
    }

    public boolean valid(Checkpoint checkpoint) {
        Entry e = checkpoint.keyId() == null ? null : byId.get(checkpoint.keyId());
        return e != null && CheckpointSignatures.valid(checkpoint, e.publicKey());
    }

    public boolean knows(String keyId) {
        return keyId != null && byId.containsKey(keyId);
    }

    public List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    public String ids() {
        return String.join(", ", byId.keySet());
    }
}
