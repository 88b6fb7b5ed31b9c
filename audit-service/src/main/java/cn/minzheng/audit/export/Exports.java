package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.chain.TrailNotFound;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RecordView;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.security.Role;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contents of each export, streamed from the store: NDJSON of a chain range (administrators) or
 * of a search (region-scoped) with the chain data and signed checkpoints {@code OfflineVerifier}
 * needs, and the rows of a search for CSV and XLSX. At most {@code maxRows} records a search.
 */
public class Exports {

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final RecordSearchStore search;
    private final SigningKey key;
    private final Clock clock;
    private final int maxRows;

    public Exports(ChainStore chains, CheckpointStore checkpoints, RecordSearchStore search, SigningKey key, Clock clock,
            int maxRows) {
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.search = search;
        this.key = key;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /**
     * A whole chain range: header, signed checkpoints, records. A chain mixes regions, so only
     * administrators export chains (403 {@code chain-export-admin-only}); 404 when the chain does not
     * reach the first sequence.
     */
    public Mono<Flux<String>> chainLines(ChainRange range) {
        String chain = range.chain();
        long first = range.first();
        return CallerScope.current()
                .filter(c -> c.principal().has(Role.ADMIN))
                .switchIfEmpty(Mono.error(() -> new ForbiddenProblem("chain-export-admin-only")))
                .flatMap(c -> chains.head(chain))
                .filter(h -> h.sequence() >= first)
                .switchIfEmpty(Mono.error(() -> TrailNotFound.chain(chain)))
                .map(head -> {
                    long last = range.to() == null ? head.sequence() : Math.min(range.to(), head.sequence());
                    return Flux.concat(
                            Mono.just(NdjsonLines.header(chain, first, last, key.keyId(), clock.instant().toString())),
                            checkpoints.of(chain, first, last).map(NdjsonLines::checkpoint),
                            chains.range(chain, first, last).map(NdjsonLines::record));
                });
    }

    /** A search with its chain data, in (chain, sequence) order, the query as run in its header. */
    public Mono<Flux<String>> queryLines(RecordQuery query) {
        return CallerScope.current().map(caller -> {
            RecordQuery scoped = caller.narrow(query);
            Map<String, Object> asRun = new LinkedHashMap<>();
            asRun.put("actor", scoped.actor());
            asRun.put("type", scoped.type());
            asRun.put("region", scoped.region());
            asRun.put("subject", scoped.subject());
            asRun.put("from", scoped.from() == null ? null : scoped.from().toString());
            asRun.put("to", scoped.to() == null ? null : scoped.to().toString());
            QueryExport export = new QueryExport(maxRows, (chain, first, last) -> checkpoints.of(chain, first, last));
            return Flux.concat(
                    Mono.just(NdjsonLines.queryHeader(asRun, key.keyId(), clock.instant().toString(), maxRows)),
                    Flux.defer(() -> export.lines(search.findInChainOrder(scoped, maxRows + 1)
                            .map(RecordDocuments::fromDocument))));
        });
    }

    /** The records of a search as office tools show them, in (time, id) order, within the caller's scope. */
    public Mono<Flux<RecordView>> rows(RecordQuery query) {
        return CallerScope.current().map(caller -> search.find(caller.narrow(query), maxRows).map(RecordView::of));
    }
}
