package cn.minzheng.topology.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import cn.minzheng.topology.hosts.Shell;

/**
 * What a compose secret file holds, by its name as deploy/secrets/README.md lists them: an Ed25519
 * private key ({@code *.pem}), a password ({@code *password}: 24 random bytes as hex, no newline — the
 * broker reads it byte for byte), or a key ({@code *_key}: 32 random bytes as one line of base64).
 */
enum SecretFile {
    ED25519_KEY("a fresh Ed25519 key"),
    PASSWORD("a random password (48 hex digits, no newline)"),
    KEY("32 random bytes, one line of base64");

    /** {@code appuser} of the apache/kafka image. */
    static final int KAFKA_IMAGE_UID = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String description;

    SecretFile(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    static SecretFile of(Path composeFile) {
        String name = composeFile.getFileName().toString();
        if (name.endsWith(".pem")) {
            return ED25519_KEY;
        }
        if (name.endsWith("password")) {
            return PASSWORD;
        }
        if (name.endsWith("_key") || name.endsWith("-key")) {
            return KEY;
        }
        throw new IllegalStateException("docker-compose.yml's secret file " + name + " is of no kind the run knows how to make"
                + " (deploy/secrets/README.md: *.pem, *password, *_key)");
    }

    /** Writes a fresh value, the file owner-only from its first byte. */
    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (this == ED25519_KEY) {
                Shell.check("openssl", "genpkey", "-algorithm", "ed25519", "-out", file.toString());
                return;
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            byte[] bytes = new byte[this == PASSWORD ? 24 : 32];
            RANDOM.nextBytes(bytes);
            String text = this == PASSWORD ? HexFormat.of().formatHex(bytes) : Base64.getEncoder().encodeToString(bytes) + "\n";
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
