package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.ChainDigest;
import cn.minzheng.audit.chain.ChainHead;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
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

    /**
     * Reads the PEM text written by {@link #toPem()}, or a file with only the PKCS#8
     * {@code PRIVATE KEY} block (e.g. {@code openssl genpkey -algorithm ed25519}): the public key is
     * then derived from the private key with the JDK's own Ed25519 key-pair generator.
     */
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
        if (privateDer == null) {
            throw new IllegalArgumentException("the key file needs a PRIVATE KEY block (PKCS#8 Ed25519, e.g. from "
                    + "openssl genpkey -algorithm ed25519 -out <file>)");
        }
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateDer));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 key: " + e.getMessage(), e);
        }
        PublicKey pub = publicDer != null ? PublicKeys.fromDer(publicDer) : derivePublic(priv);
        SigningKey key = new SigningKey(priv, pub);
        if (!key.pairs()) {
            throw new IllegalArgumentException(publicDer != null
                    ? "the PUBLIC KEY block does not belong to the PRIVATE KEY block"
                    : "the public key derived from the PRIVATE KEY block does not verify its signatures; "
                            + APPEND_PUBLIC_KEY);
        }
        return key;
    }

    /** What to do when the public key cannot be derived: append it with openssl. */
    public static final String APPEND_PUBLIC_KEY =
            "append the public key to the file with: openssl pkey -in <file> -pubout >> <file>";

    /**
     * The public key of an Ed25519 private key, with JDK APIs only: the JDK's key-pair generator
     * takes the 32-byte private key from its random source and computes the public point (RFC 8032
     * §5.1.5), so it is handed a source that yields exactly the stored private key. The result is
     * checked by signing and verifying a probe ({@link #pairs()}).
     */
    static PublicKey derivePublic(PrivateKey priv) {
        byte[] seed = priv instanceof EdECPrivateKey ed ? ed.getBytes().orElse(null) : null;
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("the PRIVATE KEY block holds no Ed25519 private key bytes; "
                    + APPEND_PUBLIC_KEY);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new StoredSeed(seed));
            return generator.generateKeyPair().getPublic();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the public key could not be derived from the PRIVATE KEY block ("
                    + e.getMessage() + "); " + APPEND_PUBLIC_KEY, e);
        }
    }

    /** A "random" source that yields the stored 32-byte private key once, and refuses anything else. */
    private static final class StoredSeed extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private transient byte[] seed;

        StoredSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("unexpected use of the key-pair generator's random source");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            seed = null;
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

    private boolean pairs() {
        return CheckpointSignatures.valid(sign(ChainHead.empty("probe-0"), Instant.EPOCH), publicKey);
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
