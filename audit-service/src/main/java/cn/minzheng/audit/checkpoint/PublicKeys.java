package cn.minzheng.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading and writing the Ed25519 public key in the forms the key endpoint serves. */
public final class PublicKeys {

    private static final Pattern PUBLIC_BLOCK = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+?)-----END PUBLIC KEY-----");

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

    /**
     * Every {@code PUBLIC KEY} block of a PEM text (other blocks, e.g. a private key, are ignored);
     * text without any block is read as one bare base64 key.
     */
    public static List<PublicKey> parseAll(String text) {
        List<PublicKey> keys = new ArrayList<>();
        Matcher m = PUBLIC_BLOCK.matcher(text);
        while (m.find()) {
            try {
                keys.add(fromDer(Base64.getMimeDecoder().decode(m.group(1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PUBLIC KEY block " + (keys.size() + 1)
                        + " is not an Ed25519 public key", e);
            }
        }
        if (keys.isEmpty()) {
            if (text.contains("-----BEGIN")) {
                throw new IllegalArgumentException("no PUBLIC KEY block");
            }
            keys.add(parse(text));
        }
        return keys;
    }

    public static String toPem(PublicKey key) {
        return SigningKey.pem("PUBLIC KEY", key.getEncoded());
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
