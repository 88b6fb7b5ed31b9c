package cn.minzheng.audit.export;

import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.checkpoint.CheckpointStore;
import cn.minzheng.audit.checkpoint.SigningKey;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordFilter;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RecordView;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exports. NDJSON of a chain range (administrators) or of a search (auditors, region-scoped) carries
 * the records with their chain data and the signed checkpoints, so {@code OfflineVerifier} can check
 * it with the public key alone; CSV and XLSX of a search, with Chinese headers, are for office tools.
 */
@RestController
@RequestMapping("/api/v1/audit/exports")
public class ExportController {

    private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9._-]{1,200}-\\d{1,6}");
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final RecordSearchStore search;
    private final SigningKey key;
    private final Clock clock;
    private final int maxRows;

    public ExportController(ChainStore chains, CheckpointStore checkpoints, RecordSearchStore search, SigningKey key,
            Clock clock, @Value("${minzheng.audit.export.max-rows:100000}") int maxRows) {
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.search = search;
        this.key = key;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    /**
     * A whole chain range, streamed: header, signed checkpoints, records. A chain mixes regions, so
     * only administrators export chains; auditors export searches.
     */
    @GetMapping(value = "/chains/{chain}.ndjson", produces = "application/x-ndjson")
    public Mono<ResponseEntity<Flux<String>>> chain(@PathVariable String chain,
            @RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        if (!CHAIN.matcher(chain).matches() || (from != null && from < 1) || (to != null && from != null && to < from)) {
            return Mono.error(new ValidationProblem(
                    FieldProblem.withMessage("/chain", "invalid-range", "chain <topic>-<partition>, 1 <= from <= to")));
        }
        long first = from == null ? 1 : from;
        return CallerScope.current()
                .filter(c -> c.principal().has(Role.ADMIN))
                .switchIfEmpty(Mono.error(() -> new ForbiddenProblem("chain-export-admin-only")))
                .flatMap(c -> chains.head(chain))
                .filter(h -> h.sequence() >= first)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("chain", chain)))
                .map(head -> {
                    long last = to == null ? head.sequence() : Math.min(to, head.sequence());
                    Flux<String> body = Flux.concat(
                            Mono.just(NdjsonLines.header(chain, first, last, key.keyId(), clock.instant().toString())),
                            checkpoints.of(chain, first, last).map(NdjsonLines::checkpoint),
                            chains.range(chain, first, last).map(NdjsonLines::record));
                    return ResponseEntity.ok()
                            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chain + ".ndjson\"")
                            .contentType(NDJSON).body(body);
                });
    }

    /**
     * A search exported with its chain data, streamed, for any auditor within their region scope:
     * the records (chain, sequence, prevHash, hash and the hashed content) in (chain, sequence)
     * order, each chain's signed checkpoints in the exported range, and a trailer. OfflineVerifier
     * checks each record's hash, the links between consecutive records and the checkpoints, and
     * lists the gaps it cannot prove offline with the online check for each.
     */
    @GetMapping(value = "/records.ndjson", produces = "application/x-ndjson")
    public Mono<ResponseEntity<Flux<String>>> ndjson(@ParameterObject RecordFilter filter) {
        RecordQuery query = filter.query();
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
            Flux<String> body = Flux.concat(
                    Mono.just(NdjsonLines.queryHeader(asRun, key.keyId(), clock.instant().toString(), maxRows)),
                    Flux.defer(() -> export.lines(search.findInChainOrder(scoped, maxRows + 1)
                            .map(RecordDocuments::fromDocument))));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.ndjson\"")
                    .contentType(NDJSON).body(body);
        });
    }

    @GetMapping(value = "/records.csv", produces = "text/csv")
    public Mono<ResponseEntity<Flux<String>>> csv(@ParameterObject RecordFilter filter) {
        RecordQuery query = filter.query();
        return CallerScope.current().map(caller -> {
            Flux<String> rows = Flux.concat(Mono.just(CsvRows.BOM + CsvRows.row(RecordView.HEADERS)),
                    search.find(caller.narrow(query), maxRows).map(d -> CsvRows.row(RecordView.of(d).cells())));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.csv\"")
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(rows);
        });
    }

    /**
     * XLSX, streamed: the workbook is written to the response while the rows are read from the store
     * ({@link XlsxRows}: POI's deferred SXSSF workbook, {@value XlsxRows#ROW_WINDOW} rows in memory),
     * on a bounded-elastic thread; the store query is cancelled if the client goes away.
     */
    @GetMapping("/records.xlsx")
    public Mono<ResponseEntity<Flux<DataBuffer>>> xlsx(@ParameterObject RecordFilter filter,
            ServerHttpResponse response) {
        RecordQuery query = filter.query();
        return CallerScope.current().map(caller -> {
            Flux<RecordView> rows = search.find(caller.narrow(query), maxRows).map(RecordView::of);
            Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(out -> {
                try (Stream<RecordView> stream = rows.toStream(XlsxRows.ROW_WINDOW)) {
                    XlsxRows.write(stream.iterator(), out);
                }
            }, response.bufferFactory(), task -> Schedulers.boundedElastic().schedule(task), 64 * 1024));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.xlsx\"")
                    .contentType(XLSX).body(body);
        });
    }

}
