package cn.minzheng.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Checks a checkpoint's Ed25519 signature against a public key. */
public final class CheckpointSignatures {

    private CheckpointSignatures() {
    }

    public static boolean valid(Checkpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(checkpoint.signature());
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(checkpoint.signedBytes());
            return s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
