package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.checkpoint.Checkpoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The body of a query export, streamed: records in (chain, sequence) order, each chain's signed
 * checkpoints between its first and last exported sequence after its records, then the trailer.
 * One instance per response (it counts as the records pass).
 */
final class QueryExport {

    /** The signed checkpoints of a chain with sequence in [from, to]. */
    interface Checkpoints {
        Flux<Checkpoint> of(String chain, long from, long to);
    }

    private final int maxRows;
    private final Checkpoints checkpoints;
    private String chain;
    private long first;
    private long last;
    private long count;
    private int chains;
    private boolean truncated;

    QueryExport(int maxRows, Checkpoints checkpoints) {
        this.maxRows = maxRows;
        this.checkpoints = checkpoints;
    }

    /** {@code records} must come in (chain, sequence) order and may hold one more than maxRows (to tell a cut). */
    Flux<String> lines(Flux<AuditRecord> records) {
        return records.concatMap(this::next)
                .concatWith(Flux.defer(this::closeChain))
                .concatWith(Mono.fromSupplier(() -> NdjsonLines.end(count, chains, truncated)));
    }

    private Flux<String> next(AuditRecord r) {
        if (count == maxRows) {
            truncated = true;
            return Flux.empty();
        }
        count++;
        Flux<String> before = Flux.empty();
        if (!r.chain().equals(chain)) {
            before = closeChain();
            chain = r.chain();
            first = r.sequence();
            chains++;
        }
        last = r.sequence();
        return before.concatWith(Mono.just(NdjsonLines.record(r)));
    }

    private Flux<String> closeChain() {
        return chain == null ? Flux.empty() : checkpoints.of(chain, first, last).map(NdjsonLines::checkpoint);
    }
}
