package cn.minzheng.audit.verify;

import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.chain.ChainWalk;
import cn.minzheng.audit.chain.ChainDigest;
import cn.minzheng.audit.chain.ChainHead;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.Checkpoint;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Re-walks a stored chain (or a range of it) against its signed checkpoints and every record's MAC
 * ({@link RecordMac}). Hashing runs on the bounded-elastic scheduler, off the event loop.
 */
public class Verification {

    private static final Logger log = LoggerFactory.getLogger(Verification.class);

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final VerificationKeys keys;
    private final RecordMac macs;

    public Verification(ChainStore chains, CheckpointStore checkpoints, VerificationKeys keys, RecordMac macs) {
        this.macs = macs;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.keys = keys;
    }

    /**
     * @param from first sequence (1 when null)
     * @param to   last sequence (the head when null; capped at the head)
     * @return empty when the chain does not exist
     */
    public Mono<ChainVerdict> verify(String chain, Long from, Long to) {
        long first = from == null ? 1 : from;
        return chains.head(chain).filter(h -> h.sequence() > 0).flatMap(head -> {
            long last = to == null ? head.sequence() : Math.min(to, head.sequence());
            Mono<String> anchor = first == 1 ? Mono.just(ChainDigest.GENESIS)
                    : chains.record(chain, first - 1).map(r -> r.hash()).defaultIfEmpty("");
            return Mono.zip(anchor, signedHeads(chain, first, last)).flatMap(t -> {
                ChainWalk walk = new ChainWalk(chain, first, t.getT1().isEmpty() ? null : t.getT1(), t.getT2(), macs);
                return chains.range(chain, first, last)
                        .publishOn(Schedulers.boundedElastic())
                        .takeWhile(walk::accept)
                        .then(Mono.fromSupplier(() -> walk.finish(last)));
            });
        });
    }

    private Mono<Map<Long, String>> signedHeads(String chain, long from, long to) {
        return checkpoints.of(chain, from, to).filter(this::validSignature)
                .collect(HashMap::new, (m, c) -> m.put(c.sequence(), c.hash()));
    }

    private boolean validSignature(Checkpoint c) {
        boolean valid = keys.valid(c);
        if (!valid) {
            log.error("checkpoint {}#{} does not carry a valid signature of its key {} ({})", c.chain(), c.sequence(),
                    c.keyId(), keys.knows(c.keyId()) ? "signature wrong" : "not a known key: " + keys.ids());
        }
        return valid;
    }

    /** The head of a chain, for callers that show it beside a verdict. */
    public Mono<ChainHead> head(String chain) {
        return chains.head(chain);
    }
}
