package cn.minzheng.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.audit.chain.ChainHead;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {

    private static final SigningKey KEY = SigningKey.generate();
    private static final ChainHead HEAD = new ChainHead("org.events-1", 42, "ab".repeat(32));
    private static final Instant AT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aSignedCheckpointVerifiesWithThePublicKey() {
        Checkpoint c = KEY.sign(HEAD, AT);
        assertThat(CheckpointSignatures.valid(c, KEY.publicKey())).isTrue();
        assertThat(c.keyId()).isEqualTo(KEY.keyId()).hasSize(16);
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                Arguments.of("other hash", (UnaryOperator<Checkpoint>) c ->
                        new Checkpoint(c.chain(), c.sequence(), "cd".repeat(32), c.signedAt(), c.keyId(), c.signature())),
                Arguments.of("other sequence", (UnaryOperator<Checkpoint>) c ->
                        new Checkpoint(c.chain(), c.sequence() + 1, c.hash(), c.signedAt(), c.keyId(), c.signature())),
                Arguments.of("other chain", (UnaryOperator<Checkpoint>) c ->
                        new Checkpoint("org.events-2", c.sequence(), c.hash(), c.signedAt(), c.keyId(), c.signature())),
                Arguments.of("other time", (UnaryOperator<Checkpoint>) c ->
                        new Checkpoint(c.chain(), c.sequence(), c.hash(), "2027-01-01T00:00:00Z", c.keyId(), c.signature())),
                Arguments.of("garbage signature", (UnaryOperator<Checkpoint>) c ->
                        new Checkpoint(c.chain(), c.sequence(), c.hash(), c.signedAt(), c.keyId(), "not base64!")),
                Arguments.of("signed by another key", (UnaryOperator<Checkpoint>) c -> SigningKey.generate().sign(HEAD, AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void aForgedCheckpointDoesNotVerify(String what, UnaryOperator<Checkpoint> forge) {
        assertThat(CheckpointSignatures.valid(forge.apply(KEY.sign(HEAD, AT)), KEY.publicKey())).as(what).isFalse();
    }

    @Test
    void keyFileRoundTrips() {
        SigningKey back = SigningKey.fromPem(KEY.toPem());
        assertThat(back.keyId()).isEqualTo(KEY.keyId());
        assertThat(CheckpointSignatures.valid(back.sign(HEAD, AT), KEY.publicKey())).isTrue();
        assertThat(PublicKeys.parse(PublicKeys.toPem(KEY.publicKey()))).isEqualTo(KEY.publicKey());
        assertThat(PublicKeys.parse(PublicKeys.toBase64(KEY.publicKey()))).isEqualTo(KEY.publicKey());
    }

    @Test
    void refusesAKeyFileWhosePartsDoNotMatch() {
        String mixed = KEY.toPem().replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "")
                + PublicKeys.toPem(SigningKey.generate().publicKey());
        assertThatThrownBy(() -> SigningKey.fromPem(mixed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigningKey.fromPem("nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
