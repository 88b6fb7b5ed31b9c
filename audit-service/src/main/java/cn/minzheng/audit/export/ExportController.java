package cn.minzheng.audit.export;

import cn.minzheng.audit.search.RecordFilter;
import cn.minzheng.audit.search.RecordView;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.springdoc.core.annotations.ParameterObject;
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

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private final Exports exports;

    public ExportController(Exports exports) {
        this.exports = exports;
    }

    /**
     * A whole chain range, streamed: header, signed checkpoints, records. A chain mixes regions, so
     * only administrators export chains; auditors export searches.
     */
    @GetMapping(value = "/chains/{chain}.ndjson", produces = "application/x-ndjson")
    public Mono<ResponseEntity<Flux<String>>> chain(@PathVariable String chain,
            @RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        return exports.chainLines(ChainRange.parse(chain, from, to)).map(body -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chain + ".ndjson\"")
                .contentType(NDJSON).body(body));
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
        return exports.queryLines(filter.query()).map(body -> ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.ndjson\"")
                .contentType(NDJSON).body(body));
    }

    @GetMapping(value = "/records.csv", produces = "text/csv")
    public Mono<ResponseEntity<Flux<String>>> csv(@ParameterObject RecordFilter filter) {
        return exports.rows(filter.query()).map(records -> {
            Flux<String> rows = Flux.concat(Mono.just(CsvRows.BOM + CsvRows.row(RecordView.HEADERS)),
                    records.map(r -> CsvRows.row(r.cells())));
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-records.csv\"")
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(rows);
        });
    }

    /**
     * XLSX, streamed: the workbook is written to the response while the rows are read from the store
     * ({@link XlsxRows}: POI's deferred SXSSF workbook, {@value XlsxRows#ROW_WINDOW} rows in memory),
     * on a bounded-elastic thread; the store query is cancelled if the client goes away. Declares what
     * it produces, like the other exports, so another {@code Accept} is 406 {@code export-not-acceptable}.
     */
    @GetMapping(value = "/records.xlsx", produces = XLSX_VALUE)
    public Mono<ResponseEntity<Flux<DataBuffer>>> xlsx(@ParameterObject RecordFilter filter,
            ServerHttpResponse response) {
        return exports.rows(filter.query()).map(rows -> {
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
