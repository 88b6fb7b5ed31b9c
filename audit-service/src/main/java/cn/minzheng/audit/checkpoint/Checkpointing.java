package cn.minzheng.audit.checkpoint;

import cn.minzheng.audit.chain.ChainDigest;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainWalk;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Signs every chain head that moved since its last checkpoint — after re-walking the records since
 * that checkpoint, their MACs included, so a record altered in between, or appended by someone
 * without the record key, is reported instead of being vouched for.
 */
public class Checkpointing {

    private static final Logger log = LoggerFactory.getLogger(Checkpointing.class);

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final SigningKey key;
    private final Clock clock;
    private final Counter refused;
    private final CheckpointFreshness freshness;
    private final ChainHeadGauges headGauges;
    private final VerificationKeys keys;
    private final RecordMac macs;

    public Checkpointing(ChainStore chains, CheckpointStore checkpoints, SigningKey key, Clock clock,
            MeterRegistry meters, CheckpointFreshness freshness, ChainHeadGauges headGauges, VerificationKeys keys,
            RecordMac macs) {
        this.macs = macs;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.key = key;
        this.clock = clock;
        this.refused = meters.counter("audit.checkpoint.refused");
        this.freshness = freshness;
        this.headGauges = headGauges;
        this.keys = keys;
    }

    /**
     * Signs all moved heads; emits the new checkpoints. When the run completes without a refusal,
     * every record stored before it started is covered by a signature ({@link CheckpointFreshness}).
     */
    public Flux<Checkpoint> signMovedHeads() {
        return Flux.defer(() -> {
            Instant started = clock.instant();
            AtomicBoolean refusedAny = new AtomicBoolean();
            return chains.heads().concatMap(h -> signIfMoved(h.chain(), refusedAny))
                    .doOnComplete(() -> {
                        if (!refusedAny.get()) {
                            freshness.covered(started);
                        }
                    });
        });
    }

    public Mono<Checkpoint> signIfMoved(String chain) {
        return signIfMoved(chain, new AtomicBoolean());
    }

    private Mono<Checkpoint> signIfMoved(String chain, AtomicBoolean refusedAny) {
        // anchored on the newest checkpoint with a valid signature of a configured key: a checkpoint
        // written into the store by anyone else cannot make the signer skip records
        return chains.head(chain).doOnNext(headGauges::observe).flatMap(head -> checkpoints.newestFirst(chain)
                .filter(keys::valid).next()
                .map(c -> new ChainHead(chain, c.sequence(), c.hash()))
                .defaultIfEmpty(ChainHead.empty(chain))
                .flatMap(last -> last.sequence() >= head.sequence() ? Mono.<Checkpoint>empty()
                        : walkAndSign(last, head, refusedAny)));
    }

    private Mono<Checkpoint> walkAndSign(ChainHead lastSigned, ChainHead head, AtomicBoolean refusedAny) {
        ChainWalk walk = new ChainWalk(head.chain(), lastSigned.sequence() + 1,
                lastSigned.sequence() == 0 ? ChainDigest.GENESIS : lastSigned.hash(), Map.of(), macs);
        return chains.range(head.chain(), lastSigned.sequence() + 1, head.sequence())
                .publishOn(Schedulers.boundedElastic())
                .takeWhile(walk::accept)
                .then(Mono.fromSupplier(() -> walk.finish(head.sequence())))
                .flatMap(verdict -> verdict.ok() && verdict.headHash().equals(head.hash())
                        ? sign(head) : refuse(verdict, refusedAny));
    }

    private Mono<Checkpoint> sign(ChainHead head) {
        Checkpoint c = key.sign(head, clock.instant());
        return checkpoints.insert(c).thenReturn(c);
    }

    private Mono<Checkpoint> refuse(ChainVerdict verdict, AtomicBoolean refusedAny) {
        refusedAny.set(true);
        refused.increment();
        log.error("not signing chain {}: records since the last checkpoint do not verify: {}", verdict.chain(),
                verdict.failure());
        return Mono.empty();
    }
}
