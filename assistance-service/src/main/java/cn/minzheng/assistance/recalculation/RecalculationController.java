package cn.minzheng.assistance.recalculation;

import cn.minzheng.platform.codes.money.Fen;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * 调标 runs of a standard: started when the standard is added, or here by ADMIN / an APPROVER of its
 * region; their progress for staff.
 */
@RestController
@RequestMapping("/api/v1/assistance/standards/{standardId}/recalculations")
public class RecalculationController {
    static final Pattern STANDARD_ID = Pattern.compile("\\d{2,12}-(DIBAO_URBAN|DIBAO_RURAL|TEKUN_URBAN|TEKUN_RURAL)-\\d{4}-\\d{2}");
    static final Pattern RUN_ID = Pattern.compile("-R\\d{1,6}");
    private final RecalculationWorkflow recalculations;

    public RecalculationController(RecalculationWorkflow recalculations) {
        this.recalculations = recalculations;
    }

    /** A run as staff read it: counts, percentage, the standard; names of states in Chinese beside the codes. */
    public record RunView(String id, String standardId, String regionPrefix, String kind, String effectiveMonth,
                          String standardAmount, String standardSource, String status, String statusName,
                          String trigger, String startedBy, String startedAt, String finishedAt, int batchSize,
                          long batches, String cursor, long total, long processed, long changed, long unchanged,
                          long skipped, Map<String, Long> skippedBy, int percent, String failure) {
        static RunView of(RecalculationRun r) {
            return new RunView(r.id(), r.standardId(), r.regionPrefix(), r.kind().name(), r.effectiveMonth().toString(),
                    Fen.of(r.standardFen()).yuan(), r.standardSource(), r.status().name(), statusName(r.status()),
                    r.trigger(), r.startedBy(), r.startedAt() == null ? null : r.startedAt().toString(),
                    r.finishedAt() == null ? null : r.finishedAt().toString(), r.batchSize(), r.batches(), r.cursor(),
                    r.total(), r.processed(), r.changed(), r.unchanged(), r.skipped(), r.skippedBy(), r.percent(),
                    r.failure());
        }

        private static String statusName(RecalculationRun.Status s) {
            return switch (s) {
                case RUNNING -> "调标进行中";
                case COMPLETED -> "调标已完成";
                case FAILED -> "调标中断，可续算";
            };
        }
    }

    /** Starts a run for the standard: 202 with the run and where to follow it. */
    @PostMapping
    public Mono<ResponseEntity<RunView>> start(@PathVariable String standardId) {
        String id = standardId(standardId);
        return CurrentPrincipal.require().flatMap(p -> recalculations.start(id, p)).map(RunView::of)
                .map(v -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/v1/assistance/standards/" + id + "/recalculations/" + v.id())).body(v));
    }

    @GetMapping
    public Flux<RunView> list(@PathVariable String standardId) {
        return recalculations.list(standardId(standardId)).map(RunView::of);
    }

    @GetMapping("/{runId}")
    public Mono<RunView> read(@PathVariable String standardId, @PathVariable String runId) {
        String id = standardId(standardId);
        return recalculations.read(id, runId(id, runId)).map(RunView::of);
    }

    /** Continues a run that failed, or whose instance stopped, from its cursor. */
    @PostMapping("/{runId}/resumption")
    public Mono<ResponseEntity<RunView>> resume(@PathVariable String standardId, @PathVariable String runId) {
        String id = standardId(standardId);
        String run = runId(id, runId);
        return CurrentPrincipal.require().flatMap(p -> recalculations.resume(id, run, p)).map(RunView::of)
                .map(v -> ResponseEntity.status(HttpStatus.ACCEPTED).body(v));
    }

    static String standardId(String raw) {
        if (raw == null || raw.length() > 60 || !STANDARD_ID.matcher(raw).matches()) {
            throw new ValidationProblem(List.of(FieldProblem.withMessage("/standardId", "STANDARD_ID_FORMAT",
                    "<region prefix>-<kind>-<yyyy-MM>, e.g. 421303-DIBAO_URBAN-2027-01")));
        }
        return raw;
    }

    static String runId(String standardId, String raw) {
        if (raw == null || !raw.startsWith(standardId) || !RUN_ID.matcher(raw.substring(standardId.length())).matches()) {
            throw new ValidationProblem(List.of(FieldProblem.withMessage("/runId", "RUN_ID_FORMAT",
                    "<standard id>-R<n>, e.g. 421303-DIBAO_URBAN-2027-01-R1")));
        }
        return raw;
    }
}
