package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.TrailNotFound;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.verify.IntegrityViews.ChainView;
import cn.minzheng.audit.verify.IntegrityViews.CheckpointView;
import cn.minzheng.audit.verify.IntegrityViews.KeyView;
import cn.minzheng.audit.verify.IntegrityViews.PublicKeyView;
import cn.minzheng.audit.verify.IntegrityViews.VerdictView;
import cn.minzheng.platform.kit.security.Role;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the integrity API reads: chain heads with their latest checkpoints, verifications (an
 * AUDITOR's range bounded by {@link ReadBounds}, an ADMIN's not), a chain's checkpoints and the
 * public keys.
 */
public class ChainIntegrity {

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final Verification verification;
    private final SigningKey key;
    private final VerificationKeys keys;
    private final ReadBounds bounds;

    public ChainIntegrity(ChainStore chains, CheckpointStore checkpoints, Verification verification, SigningKey key,
            VerificationKeys keys, ReadBounds bounds) {
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.key = key;
        this.keys = keys;
        this.bounds = bounds;
    }

    /** Every chain's head and its latest signed checkpoint. */
    public Flux<ChainView> chains() {
        return chains.heads().concatMap(stored -> Mono.zip(chains.head(stored.chain()),
                        checkpoints.latest(stored.chain()).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .map(t -> ChainView.of(t.getT1(), t.getT2().orElse(null))));
    }

    /** The verdict of a walk; 404 when the chain has no records. */
    public Mono<VerdictView> verify(VerificationQuery q) {
        return CallerScope.current()
                .flatMap(caller -> caller.principal().has(Role.ADMIN) ? Mono.just(true) : withinSpan(q))
                .flatMap(allowed -> verification.verify(q.chain(), q.from(), q.to()))
                .switchIfEmpty(Mono.error(() -> TrailNotFound.chain(q.chain())))
                .map(VerdictView::of);
    }

    /**
     * An auditor's range as the walk would run it (an open end is the head) is at most the configured
     * span; refused before any record is read. Empty when the chain has no records (404 follows).
     */
    private Mono<Boolean> withinSpan(VerificationQuery q) {
        long first = q.from() == null ? 1 : q.from();
        if (q.to() != null && bounds.verifyRefusal(first, q.to(), q.fromPointer(), q.toPointer()).isEmpty()) {
            return Mono.just(true); // short enough whatever the head: no head read needed
        }
        return chains.head(q.chain()).filter(h -> h.sequence() > 0).flatMap(head -> {
            long last = q.to() == null ? head.sequence() : Math.min(q.to(), head.sequence());
            return bounds.verifyRefusal(first, Math.max(first, last), q.fromPointer(), q.toPointer())
                    .<Mono<Boolean>>map(Mono::error).orElseGet(() -> Mono.just(true));
        });
    }

    /** A chain's signed checkpoints, in sequence order. */
    public Flux<CheckpointView> checkpoints(String chain) {
        return checkpoints.of(chain, 0, null).map(CheckpointView::of);
    }

    /** The key that signs now and every key a stored checkpoint may carry the id of. */
    public PublicKeyView publicKey() {
        return new PublicKeyView("Ed25519", key.keyId(), PublicKeys.toPem(key.publicKey()),
                PublicKeys.toBase64(key.publicKey()),
                "RFC 8785 canonical JSON of {chain, sequence, hash, signedAt, keyId}",
                keys.entries().stream().map(e -> new KeyView(e.keyId(), e.current() ? "current" : "retired",
                        PublicKeys.toPem(e.publicKey()), PublicKeys.toBase64(e.publicKey()))).toList());
    }

    /** The current public key as PEM. */
    public String publicKeyPem() {
        return PublicKeys.toPem(key.publicKey());
    }

    /** Current and retired public keys as consecutive PEM blocks (what {@code OfflineVerifier} reads). */
    public String publicKeysPem() {
        StringBuilder pem = new StringBuilder();
        keys.entries().forEach(e -> pem.append(PublicKeys.toPem(e.publicKey())));
        return pem.toString();
    }
}
