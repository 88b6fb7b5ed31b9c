package cn.minzheng.platform.kit.openapi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import com.fasterxml.jackson.annotation.JsonInclude;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A small service shaped like the platform's: protected case commands under If-Match, a public notice
 * list, exports (CSV, NDJSON, XLSX), a devstack-only fixtures endpoint, record bodies with optional parts.
 * Two controllers both have a {@code list} method, as assistance's had (springdoc's {@code list_1}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OpenApiTestApplication.CaseController.class, OpenApiTestApplication.PublicNoticeController.class,
        OpenApiTestApplication.ExportController.class, OpenApiTestApplication.FixtureController.class})
public class OpenApiTestApplication {

    public enum Program { DIBAO, TEKUN }

    /** Submission: program and applicant required; the emergency part optional. */
    public record CaseRequest(Program program, String applicantIdNumber, @Nullable String emergencyKind,
                              Optional<String> note, List<Member> members, boolean truthfulnessCommitment) {
    }

    public record Member(String name, String idNumber, @Nullable Integer disabilityGrade) {
    }

    public record Reason(String reason) {
    }

    /** An answer: every member present (Jackson writes nulls), except the one left out when null. */
    public record CaseView(String number, Program status, Instant submittedAt, @Nullable Decision decision,
                           long version, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> householdConflict) {
    }

    public record Decision(String outcome, String reason) {
    }

    public record Notice(String number, String text) {
    }

    public record FixtureRequest(int count) {
    }

    @RestController
    @RequestMapping("/api/v1/demo/cases")
    public static class CaseController {

        @PostMapping
        public Mono<ResponseEntity<CaseView>> submit(@RequestBody CaseRequest request,
                @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
            return Mono.just(ResponseEntity.status(HttpStatus.CREATED).body(view("DB-1")));
        }

        @GetMapping("/{number}")
        public Mono<CaseView> get(@PathVariable String number) {
            return Mono.just(view(number));
        }

        @GetMapping
        public Flux<CaseView> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit) {
            return Flux.just(view("DB-1"));
        }

        @PostMapping("/{number}/withdrawal")
        public Mono<CaseView> withdraw(@PathVariable String number,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       @RequestBody Reason reason) {
            return Mono.just(view(number));
        }

        /** Overloaded, as audit's IntegrityController.verify: one method name, two mappings. */
        @PostMapping("/verifications")
        public Mono<Notice> verify(@RequestBody Reason reason) {
            return Mono.just(new Notice("V-1", "ok"));
        }

        @GetMapping("/{number}/verification")
        public Mono<Notice> verify(@PathVariable String number) {
            return Mono.just(new Notice(number, "ok"));
        }

        private static CaseView view(String number) {
            return new CaseView(number, Program.DIBAO, Instant.EPOCH, null, 1, null);
        }
    }

    @RestController
    @RequestMapping("/api/v1/demo/public/notices")
    public static class PublicNoticeController {

        @GetMapping
        public Flux<Notice> list(@RequestParam(required = false) String limit) {
            return Flux.just(new Notice("N-1", "公示"));
        }

        @GetMapping("/{number}")
        public Mono<Notice> get(@PathVariable String number) {
            return Mono.just(new Notice(number, "公示"));
        }
    }

    @RestController
    @RequestMapping("/api/v1/demo/exports")
    public static class ExportController {

        @GetMapping(value = "/records.csv", produces = "text/csv")
        public Mono<ResponseEntity<Flux<String>>> csv(@RequestParam(required = false) String from) {
            return Mono.just(ResponseEntity.ok(Flux.just("a,b\n")));
        }

        @GetMapping(value = "/chains/{chain}.ndjson", produces = "application/x-ndjson")
        public Mono<ResponseEntity<Flux<String>>> chain(@PathVariable String chain,
                                                        @RequestParam(required = false) Long from,
                                                        @RequestParam(required = false) Long to) {
            return Mono.just(ResponseEntity.ok(Flux.just("{}\n")));
        }

        /** As audit's: no produces declared, bytes answered — the path's extension names the type. */
        @GetMapping("/records.xlsx")
        public Mono<ResponseEntity<Flux<DataBuffer>>> xlsx() {
            return Mono.just(ResponseEntity.ok(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[]{1}))));
        }
    }

    /** Devstack only: never in the published contract. */
    @RestController
    @RequestMapping("/api/v1/demo/admin/fixtures")
    public static class FixtureController {

        @PostMapping("/cases")
        public Mono<Void> seed(@RequestBody FixtureRequest request) {
            return Mono.empty();
        }
    }
}
