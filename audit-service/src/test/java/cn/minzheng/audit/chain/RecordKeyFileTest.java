package cn.minzheng.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.audit.checkpoint.SigningKeyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The record key file: its contract (one line of base64, ≥ 32 bytes), creation owner-only, start-up refusals. */
class RecordKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void aCreatedKeyFileIsOwnerOnlyAndReadsBackAsTheSameKey() throws IOException {
        Path file = dir.resolve("sub/record-key");
        RecordMac.Key created = RecordKeyFile.load(file, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(text.lines()).hasSize(1);
        assertThat(Base64.getDecoder().decode(text.strip())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(RecordKeyFile.read(file)).isEqualTo(created);
        assertThat(RecordKeyFile.load(file, true)).as("an existing file is never replaced").isEqualTo(created);
    }

    @Test
    void theSigningKeyFileIsCreatedOwnerOnlyToo() throws IOException {
        Path file = dir.resolve("keys/signing-key.pem");
        SigningKeyFile.load(file, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void ownerOnlyFromTheFirstByteEvenUnderAPermissiveUmask() throws IOException {
        // the permissions are given at creation: a file that exists is never one others could open
        Path file = dir.resolve("k");
        OwnerOnlyFile.create(file, new byte[0]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> OwnerOnlyFile.create(file, new byte[] {1}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void anOpensslMadeKeyIsRead() throws IOException {
        // what `openssl rand -base64 32` writes: 44 characters and a newline
        Path file = dir.resolve("openssl-key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertThat(RecordKeyFile.read(file).keyId()).startsWith("rk-").hasSize(19);
    }

    static Stream<Arguments> unusableFiles() {
        return Stream.of(
                Arguments.of("too short", Base64.getEncoder().encodeToString(new byte[31]), "at least 32"),
                Arguments.of("not base64", "this is not base64!", "not one line of base64"),
                Arguments.of("empty", "", "at least 32"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableFiles")
    void anUnusableKeyFileIsRefusedSayingHowToMakeOne(String what, String content, String says) throws IOException {
        Path file = dir.resolve("bad-key");
        Files.writeString(file, content);
        assertThatThrownBy(() -> RecordKeyFile.read(file)).as(what).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(says).hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void withoutAConfiguredKeyFileTheServiceDoesNotStartAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> new RecordKeyProperties(null, false, List.of()).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("minzheng.audit.record-key.file", "MINZHENG_AUDIT_RECORDKEY_FILE",
                        "/run/secrets/audit_record_key", "umask 077 && openssl rand -base64 32");
        Path missing = dir.resolve("missing-key");
        assertThatThrownBy(() -> new RecordKeyProperties(missing, false, List.of()).load())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist", "openssl rand -base64 32 > " + missing.toAbsolutePath());
        assertThat(missing).doesNotExist();
    }

    @Test
    void aRotationKeepsTheOldKeyBesideTheNewOneByItsId() {
        Path old = dir.resolve("old-key");
        Path current = dir.resolve("new-key");
        RecordMac.Key oldKey = RecordKeyFile.load(old, true);
        RecordMac macs = new RecordKeyProperties(current, true, List.of(old)).load();
        assertThat(macs.currentKeyId()).isNotEqualTo(oldKey.keyId());
        assertThat(macs.keyIds()).containsExactly(macs.currentKeyId(), oldKey.keyId());
    }
}
