package cn.minzheng.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.audit.chain.ChainHead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Several verification keys (rotation) and key files with only the private key. */
class KeyRotationTest {

    private static final SigningKey OLD = SigningKey.generate();
    private static final SigningKey NEW = SigningKey.generate();
    private static final SigningKey STRANGER = SigningKey.generate();
    private static final ChainHead HEAD = new ChainHead("org.events-1", 42, "ab".repeat(32));
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    static Stream<Arguments> checkpointsAfterRotation() {
        Checkpoint byOld = OLD.sign(HEAD, AT);
        Checkpoint byNew = NEW.sign(HEAD, AT);
        return Stream.of(
                Arguments.of("signed by the retired key", byOld, true),
                Arguments.of("signed by the current key", byNew, true),
                Arguments.of("signed by a key nobody configured", STRANGER.sign(HEAD, AT), false),
                Arguments.of("old signature relabelled with the new key id", new Checkpoint(byOld.chain(),
                        byOld.sequence(), byOld.hash(), byOld.signedAt(), NEW.keyId(), byOld.signature()), false),
                Arguments.of("new signature relabelled with the old key id", new Checkpoint(byNew.chain(),
                        byNew.sequence(), byNew.hash(), byNew.signedAt(), OLD.keyId(), byNew.signature()), false),
                Arguments.of("no key id", new Checkpoint(byNew.chain(), byNew.sequence(), byNew.hash(),
                        byNew.signedAt(), null, byNew.signature()), false),
                Arguments.of("retired key's checkpoint with another hash", new Checkpoint(byOld.chain(),
                        byOld.sequence(), "cd".repeat(32), byOld.signedAt(), byOld.keyId(), byOld.signature()), false));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("checkpointsAfterRotation")
    void eachCheckpointIsCheckedWithTheKeyItNames(String what, Checkpoint checkpoint, boolean valid) {
        VerificationKeys keys = VerificationKeys.of(NEW.publicKey(), List.of(OLD.publicKey()));
        assertThat(keys.valid(checkpoint)).as(what).isEqualTo(valid);
    }

    @Test
    void theCurrentKeyComesFirstAndDuplicatesAreDropped() {
        VerificationKeys keys = VerificationKeys.of(NEW.publicKey(), List.of(OLD.publicKey(), NEW.publicKey(),
                OLD.publicKey()));
        assertThat(keys.entries()).extracting(VerificationKeys.Entry::keyId, VerificationKeys.Entry::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NEW.keyId(), true),
                        org.assertj.core.groups.Tuple.tuple(OLD.keyId(), false));
    }

    @Test
    void retiredKeyFilesMayHoldSeveralBlocksOrAWholeKeyFile(@TempDir Path dir) throws Exception {
        Path two = Files.writeString(dir.resolve("two.pem"), PublicKeys.toPem(OLD.publicKey())
                + PublicKeys.toPem(STRANGER.publicKey()));
        Path whole = Files.writeString(dir.resolve("whole.pem"), NEW.toPem()); // its PUBLIC KEY block is used
        List<PublicKey> keys = SigningKeyFile.retired(List.of(two, whole));
        assertThat(keys).containsExactly(OLD.publicKey(), STRANGER.publicKey(), NEW.publicKey());
        Path privateOnly = Files.writeString(dir.resolve("private.pem"), privateBlockOf(NEW));
        assertThatThrownBy(() -> SigningKeyFile.retired(List.of(privateOnly)))
                .hasMessageContaining("private.pem").hasMessageContaining("no PUBLIC KEY block");
        assertThatThrownBy(() -> SigningKeyFile.retired(List.of(dir.resolve("missing.pem"))))
                .hasMessageContaining("missing.pem");
    }

    // ---- a key file with only the PRIVATE KEY block ------------------------------------------

    private static String privateBlockOf(SigningKey key) {
        return key.toPem().replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
    }

    @Property(tries = 50)
    void thePublicKeyIsDerivedFromAPrivateOnlyFile() {
        SigningKey original = SigningKey.generate();
        SigningKey loaded = SigningKey.fromPem(privateBlockOf(original));
        assertThat(loaded.keyId()).isEqualTo(original.keyId());
        assertThat(loaded.publicKey()).isEqualTo(original.publicKey());
        assertThat(CheckpointSignatures.valid(loaded.sign(HEAD, AT), original.publicKey())).isTrue();
    }

    /** RFC 8032 §7.1 TEST 1: the derived public key is the published one. */
    @Example
    void rfc8032TestVectorOne() {
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] pkcs8 = concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        byte[] x509 = SigningKey.fromPem(pem).publicKey().getEncoded();
        assertThat(HexFormat.of().formatHex(x509)).isEqualTo("302a300506032b6570032100"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void aFileWithoutAPrivateKeySaysHowToMakeOne(@TempDir Path dir) throws Exception {
        Path publicOnly = Files.writeString(dir.resolve("k.pem"), PublicKeys.toPem(NEW.publicKey()),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SigningKeyFile.load(publicOnly, false))
                .hasMessageContaining(publicOnly.toAbsolutePath().toString())
                .hasMessageContaining("needs a PRIVATE KEY block")
                .hasMessageContaining("openssl genpkey -algorithm ed25519");
    }

    @Test
    void aPrivateOnlyFileLoadsFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("k.pem"), privateBlockOf(OLD), StandardCharsets.UTF_8);
        assertThat(SigningKeyFile.load(file, false).keyId()).isEqualTo(OLD.keyId());
    }

    @Test
    void aKeyOfAnotherCurveIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        var ed448 = java.security.KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        Path file = Files.writeString(dir.resolve("ed448.pem"), SigningKey.pem("PRIVATE KEY",
                ed448.getPrivate().getEncoded()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SigningKeyFile.load(file, false))
                .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("not an Ed25519 key");
    }

    @Test
    void whenThePrivateKeyBytesAreNotAvailableTheMessageNamesTheOpensslCommand() {
        // e.g. a key held by a provider that does not export its bytes
        java.security.interfaces.EdECPrivateKey opaque = new java.security.interfaces.EdECPrivateKey() {
            @Override
            public java.util.Optional<byte[]> getBytes() {
                return java.util.Optional.empty();
            }

            @Override
            public java.security.spec.NamedParameterSpec getParams() {
                return java.security.spec.NamedParameterSpec.ED25519;
            }

            @Override
            public String getAlgorithm() {
                return "Ed25519";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        assertThatThrownBy(() -> SigningKey.derivePublic(opaque))
                .hasMessageContaining("openssl pkey -in <file> -pubout >> <file>");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
