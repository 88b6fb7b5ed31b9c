package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.payment.PaymentWorkflow.Export;
import cn.minzheng.platform.codes.masking.Masking;
import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import com.fasterxml.jackson.annotation.JsonCreator;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 发放: the monthly payment roll of a region — drawn up, approved, exported for the bank, published. */
@RestController
@RequestMapping("/api/v1/assistance/payment-batches")
public class PaymentController {
    /** The bank file's SHA-256 (hex), as stored on the batch and carried by the {@code exported} event. */
    public static final String CHECKSUM_HEADER = "X-Checksum-SHA256";
    private final PaymentWorkflow payments;

    public PaymentController(PaymentWorkflow payments) {
        this.payments = payments;
    }

    /** {@code {"regionCode":"421303","month":"2026-10"}}. */
    public record NewBatch(String regionCode, String month) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public NewBatch {
        }
    }

    /** A line as staff see it: money in yuan, the ID number masked (the bank file carries it whole). */
    public record LineView(String caseNumber, String program, String town, String recipientName, String idNumber,
                           int householdSize, String forMonth, LineKind kind, String kindName, String amount) {
        static LineView of(PaymentLine l) {
            return new LineView(l.caseNumber(), l.program(), l.town(), l.recipientName(), Masking.idNumber(l.idNumber()),
                    l.householdSize(), l.forMonth().toString(), l.kind(), l.kind().chinese(), Fen.of(l.amountFen()).yuan());
        }
    }

    public record BatchView(String id, String regionCode, String month, BatchStatus status, long version,
                            String total, int lineCount, int adjustmentCount, Map<String, String> totalsByProgram,
                            Map<String, String> totalsByTown, String linesDigest, Map<String, String> checksums,
                            String createdBy, Instant createdAt, String approvedBy, Instant approvedAt,
                            Instant publishedAt, List<LineView> lines) {
        static BatchView of(PaymentBatch b) {
            Totals t = b.totals();
            return new BatchView(b.id(), b.regionCode(), b.month().toString(), b.status(), b.version(),
                    Fen.of(t.totalFen()).yuan(), t.lineCount(), t.adjustmentCount(), yuan(t.byProgramSorted()),
                    yuan(t.byTownSorted()), b.linesDigest(), b.checksums(), b.createdBy(), b.createdAt(),
                    b.approvedBy(), b.approvedAt(), b.publishedAt(), b.lines().stream().map(LineView::of).toList());
        }

        private static Map<String, String> yuan(Map<String, Long> fen) {
            Map<String, String> out = new LinkedHashMap<>();
            fen.forEach((k, v) -> out.put(k, Fen.of(v).yuan()));
            return out;
        }
    }

    /** 201 with the new batch; 200 with the same batch when it was drawn up before (nothing changes). */
    @PostMapping
    public Mono<ResponseEntity<BatchView>> create(@RequestBody NewBatch body) {
        return CurrentPrincipal.require().flatMap(p -> payments.create(p, body.regionCode(), body.month()))
                .map(o -> (o.created()
                        ? ResponseEntity.created(URI.create("/api/v1/assistance/payment-batches/" + o.batch().id()))
                        : ResponseEntity.ok())
                        .eTag(Versions.etag(o.batch().version())).body(BatchView.of(o.batch())));
    }

    @GetMapping("/{id}")
    public Mono<ResponseEntity<BatchView>> get(@PathVariable String id) {
        return CurrentPrincipal.require().flatMap(p -> payments.read(p, id)).map(PaymentController::answer);
    }

    @PostMapping("/{id}/approval")
    public Mono<ResponseEntity<BatchView>> approve(@PathVariable String id,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return Mono.defer(() -> {
            long expected = Versions.parseIfMatch(ifMatch);
            return CurrentPrincipal.require().flatMap(p -> payments.approve(p, id, expected)).map(PaymentController::answer);
        });
    }

    /** The bank file ({@code format=csv|xlsx}); its SHA-256 in {@value #CHECKSUM_HEADER}, the batch's new version in ETag. */
    @PostMapping("/{id}/bank-file")
    public Mono<ResponseEntity<byte[]>> export(@PathVariable String id, @RequestParam(required = false) String format,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return Mono.defer(() -> {
            long expected = Versions.parseIfMatch(ifMatch);
            return CurrentPrincipal.require().flatMap(p -> payments.export(p, id, expected, format))
                    .map(PaymentController::file);
        });
    }

    @PostMapping("/{id}/publication")
    public Mono<ResponseEntity<BatchView>> publish(@PathVariable String id,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return Mono.defer(() -> {
            long expected = Versions.parseIfMatch(ifMatch);
            return CurrentPrincipal.require().flatMap(p -> payments.publish(p, id, expected)).map(PaymentController::answer);
        });
    }

    private static ResponseEntity<BatchView> answer(PaymentBatch b) {
        return ResponseEntity.status(HttpStatus.OK).eTag(Versions.etag(b.version())).body(BatchView.of(b));
    }

    private static ResponseEntity<byte[]> file(Export e) {
        return ResponseEntity.ok().eTag(Versions.etag(e.batch().version()))
                .header(CHECKSUM_HEADER, e.file().sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(e.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(e.file().format().mediaType()))
                .body(e.file().body());
    }
}
