package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainFailure;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.checkpoint.Checkpoint;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The answers of the integrity API ({@link IntegrityController}), as typed views. */
public final class IntegrityViews {

    private IntegrityViews() {
    }

    /** A signed checkpoint: the signed fields and the signature (base64). */
    @JsonPropertyOrder({"chain", "sequence", "hash", "signedAt", "keyId", "signature"})
    public record CheckpointView(String chain, long sequence, String hash, String signedAt, String keyId,
            String signature) {
        static CheckpointView of(Checkpoint c) {
            return new CheckpointView(c.chain(), c.sequence(), c.hash(), c.signedAt(), c.keyId(), c.signature());
        }
    }

    /** A chain's head and its latest signed checkpoint (null when none). */
    @JsonPropertyOrder({"chain", "sequence", "hash", "latestCheckpoint"})
    public record ChainView(String chain, long sequence, String hash, CheckpointView latestCheckpoint) {
        static ChainView of(ChainHead head, Checkpoint latest) {
            return new ChainView(head.chain(), head.sequence(), head.hash(),
                    latest == null ? null : CheckpointView.of(latest));
        }
    }

    /** A verification's answer; {@code failure} only when the walk found one. */
    @JsonPropertyOrder({"chain", "ok", "verdict", "authenticated", "count", "fromSequence", "toSequence", "anchorHash",
        "headHash", "signedUpTo", "recordMacs", "failure"})
    public record VerdictView(String chain, boolean ok, String verdict, boolean authenticated, long count,
            long fromSequence, Long toSequence, String anchorHash, String headHash, long signedUpTo,
            RecordMacs recordMacs, @JsonInclude(JsonInclude.Include.NON_NULL) Failure failure) {

        static VerdictView of(ChainVerdict v) {
            ChainVerdict.Unauthenticated u = v.unauthenticated();
            ChainFailure f = v.failure();
            return new VerdictView(v.chain(), v.ok(), v.status(), v.authenticated(), v.count(), v.fromSequence(),
                    v.toSequence(), v.anchorHash(), v.headHash(), v.signedUpTo(),
                    new RecordMacs(v.macsChecked(), v.authenticatedCount(), u == null ? null
                            : new Unauthenticated(u.fromSequence(), u.toSequence(), u.count(), u.reason())),
                    f == null ? null : new Failure(f.sequence(), f.kind().name(), f.expectedHash(), f.foundHash(),
                            f.foundSequence(), f.reason()));
        }
    }

    /** Whether record MACs were checked, how many were valid, and the records that carry none (null when none). */
    @JsonPropertyOrder({"checked", "valid", "unauthenticated"})
    public record RecordMacs(boolean checked, long valid, Unauthenticated unauthenticated) {
    }

    /** Records without a MAC, as {@link ChainVerdict.Unauthenticated} explains them. */
    @JsonPropertyOrder({"fromSequence", "toSequence", "count", "reason"})
    public record Unauthenticated(long fromSequence, long toSequence, long count, String reason) {
    }

    /** The first record that does not fit ({@link ChainFailure}). */
    @JsonPropertyOrder({"sequence", "kind", "expectedHash", "foundHash", "foundSequence", "reason"})
    public record Failure(long sequence, String kind, String expectedHash, String foundHash, Long foundSequence,
            String reason) {
    }

    /** The signing key now (top-level) and every key a stored checkpoint may name ({@code keys}). */
    @JsonPropertyOrder({"algorithm", "keyId", "publicKeyPem", "publicKeyBase64", "signedContent", "keys"})
    public record PublicKeyView(String algorithm, String keyId, String publicKeyPem, String publicKeyBase64,
            String signedContent, List<KeyView> keys) {
    }

    /** One verification key: {@code current} or {@code retired}. */
    @JsonPropertyOrder({"keyId", "status", "publicKeyPem", "publicKeyBase64"})
    public record KeyView(String keyId, String status, String publicKeyPem, String publicKeyBase64) {
    }
}
