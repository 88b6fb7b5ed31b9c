package cn.minzheng.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reading and writing the Ed25519 public key in the forms the key endpoint serves. */
public final class PublicKeys {

    private PublicKeys() {
    }

    public static PublicKey fromDer(byte[] der) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Accepts PEM ({@code -----BEGIN PUBLIC KEY-----}) or bare base64 of the X.509 encoding. */
    public static PublicKey parse(String text) {
        String body = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return fromDer(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (PEM or base64 X.509 expected)", e);
        }
    }

    public static String toPem(PublicKey key) {
        return SigningKey.pem("PUBLIC KEY", key.getEncoded());
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
