package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.ChainDigest;
import cn.minzheng.audit.chain.ChainHead;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Ed25519 key that signs checkpoints, kept as PEM (PKCS#8 private and X.509 public blocks). */
public final class SigningKey {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKey);
    }

    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    /** Reads the PEM text written by {@link #toPem()}. */
    public static SigningKey fromPem(String pem) {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) {
                privateDer = der;
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicDer = der;
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalArgumentException("the key file needs a PRIVATE KEY and a PUBLIC KEY block");
        }
        try {
            PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            SigningKey key = new SigningKey(priv, PublicKeys.fromDer(publicDer));
            key.checkPair();
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
        }
    }

    public String toPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + PublicKeys.toPem(publicKey);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    /** Signs the head as it stands at {@code at}. */
    public Checkpoint sign(ChainHead head, Instant at) {
        Checkpoint unsigned = new Checkpoint(head.chain(), head.sequence(), head.hash(),
                at.truncatedTo(ChronoUnit.MILLIS).toString(), keyId, null);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(unsigned.signedBytes());
            String sig = Base64.getEncoder().encodeToString(s.sign());
            return new Checkpoint(unsigned.chain(), unsigned.sequence(), unsigned.hash(), unsigned.signedAt(),
                    keyId, sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Short id of a public key: the first 16 hex digits of SHA-256 over its X.509 encoding. */
    public static String keyIdOf(PublicKey key) {
        return HexFormat.of().formatHex(ChainDigest.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    private void checkPair() {
        Checkpoint probe = sign(ChainHead.empty("probe-0"), Instant.EPOCH);
        if (!CheckpointSignatures.valid(probe, publicKey)) {
            throw new IllegalArgumentException("the PUBLIC KEY block does not belong to the PRIVATE KEY block");
        }
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
