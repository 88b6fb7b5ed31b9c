package cn.minzheng.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Loads the signing key from its file, or (devstack) creates the file once with a new key. */
public final class SigningKeyFile {

    private SigningKeyFile() {
    }

    public static SigningKey load(Path file, boolean generateIfMissing) {
        try {
            if (Files.exists(file)) {
                return SigningKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("signing key file " + file.toAbsolutePath()
                        + " is missing and minzheng.audit.checkpoint.generate-if-missing is false");
            }
            SigningKey key = SigningKey.generate();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try {
                Files.writeString(file, key.toPem(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                return SigningKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL applies.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }
}
