package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/** Loads the signing key from its file, or (devstack) creates the file once with a new key, owner-only from its first byte. */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    private static SigningKey read(Path file) throws IOException {
        try {
            return SigningKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            String where = file.toString();
            throw new IllegalStateException("signing key file " + file.toAbsolutePath() + ": "
                    + e.getMessage().replace("<file>", where), e);
        }
    }

    /** Public keys of retired signing keys (each file: one or more PUBLIC KEY blocks). */
    public static List<PublicKey> retired(List<Path> files) {
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            try {
                keys.addAll(PublicKeys.parseAll(Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the retired public key " + file.toAbsolutePath(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("retired public key " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }

    public static SigningKey load(Path file, boolean generateIfMissing) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("signing key file " + file.toAbsolutePath()
                        + " is missing and minzheng.audit.checkpoint.generate-if-missing is false");
            }
            SigningKey key = SigningKey.generate();
            try {
                OwnerOnlyFile.create(file, key.toPem().getBytes(StandardCharsets.UTF_8));
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                return read(file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }
}
