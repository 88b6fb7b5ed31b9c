package cn.minzheng.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The record key's file: one line of base64 holding at least {@value RecordMac.Key#MIN_BYTES}
 * random bytes (compose: the secret {@code audit_record_key} at {@code /run/secrets/audit_record_key},
 * {@code MINZHENG_AUDIT_RECORDKEY_FILE}). Production provides it; the devstack and the tests may have
 * it created, owner-only from the first byte.
 */
public final class RecordKeyFile {

    /** How an operator makes a key file (owner-only from the first byte: the umask, not a chmod after). */
    public static final String HOW_TO_CREATE = "(umask 077 && openssl rand -base64 32 > <file>)";

    private RecordKeyFile() {
    }

    /** Reads a key file; any problem is an {@link IllegalStateException} naming the file and the fix. */
    public static RecordMac.Key read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the audit record key " + file.toAbsolutePath() + ": " + e, e);
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("audit record key " + file.toAbsolutePath()
                    + " is not one line of base64; make a new one with " + howToCreate(file), e);
        }
        if (secret.length < RecordMac.Key.MIN_BYTES) {
            throw new IllegalStateException("audit record key " + file.toAbsolutePath() + " holds " + secret.length
                    + " bytes, at least " + RecordMac.Key.MIN_BYTES + " are needed; make a new one with "
                    + howToCreate(file));
        }
        return RecordMac.Key.of(secret);
    }

    /**
     * The key of {@code file}; when it does not exist and {@code createIfMissing}, a new random key
     * written to a file created owner-only ({@code rw-------}) from its first byte — another
     * instance that created it first wins, and its key is read.
     */
    public static RecordMac.Key load(Path file, boolean createIfMissing) {
        if (Files.exists(file) || !createIfMissing) {
            return read(file);
        }
        byte[] secret = new byte[RecordMac.Key.MIN_BYTES];
        new SecureRandom().nextBytes(secret);
        try {
            OwnerOnlyFile.create(file, (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit record key " + file.toAbsolutePath(), e);
        }
        return RecordMac.Key.of(secret);
    }

    /** Retired keys (they verify records MAC'd before a rotation). */
    public static List<RecordMac.Key> retired(List<Path> files) {
        List<RecordMac.Key> keys = new ArrayList<>();
        files.forEach(f -> keys.add(read(f)));
        return keys;
    }

    static String howToCreate(Path file) {
        return HOW_TO_CREATE.replace("<file>", file.toAbsolutePath().toString());
    }
}
