package cn.minzheng.audit.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The link function of every chain: {@code SHA-256(prevHash ‖ canonical JSON)}, lower-case hex. */
public final class ChainDigest {

    /** The prevHash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    private ChainDigest() {
    }

    public static String hash(String prevHash, Object content) {
        MessageDigest sha = sha256();
        sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
        sha.update(CanonicalJson.bytes(content));
        return HexFormat.of().formatHex(sha.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
