package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.kit.problem.ConflictProblem;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.IllegalTransitionProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.PreconditionRequiredProblem;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Throws every kind of error a service can produce; public under /test/**. */
@RestController
class ProblemThrowingController {

    record Member(@NotBlank String name) {
    }

    record Applicant(@NotBlank String name, @Positive long incomeFen, @NotNull @Valid List<Member> members) {
    }

    enum Relation { SELF, SPOUSE, CHILD }

    record Kin(@NotBlank String name, @NotNull Relation relation) {
    }

    @GetMapping("/test/problems/{kind}")
    Mono<Map<String, String>> problem(@PathVariable String kind) {
        return Mono.error(switch (kind) {
            case "validation" -> new ValidationProblem(FieldProblem.of("/applicant/idNumber", "invalid-value"));
            case "not-found" -> new NotFoundProblem("application", "MZ-2026-0001");
            case "conflict" -> new ConflictProblem("conflict");
            case "illegal-transition" -> new IllegalTransitionProblem("DRAFT", "APPROVED", "approve");
            case "stale-version" -> new StaleVersionProblem(3, 5L);
            case "precondition-required" -> new PreconditionRequiredProblem();
            case "forbidden" -> new ForbiddenProblem();
            case "unprocessable" -> new UnprocessableProblem("income-too-high", 123);
            case "unprocessable-fields" -> new UnprocessableProblem("income-over-standard", "household income over the standard",
                    List.of(FieldProblem.of("/members/1/incomeFen", "invalid-value"),
                            FieldProblem.withMessage("/members", "too-many-earners", "two earners at most")));
            // the kit's domain refusals, untranslated by the service
            case "rule-violation" -> new cn.minzheng.platform.kit.domain.RuleViolation(
                    cn.minzheng.platform.kit.domain.RuleViolation.Rule.of("VISIT_STAFF", "[57]§16"), "needs 2 staff", 2);
            case "domain-transition" -> new cn.minzheng.platform.kit.domain.IllegalTransition("application", "SUBMITTED",
                    "PAY_FIRST", "先行救助 is only for 急难型 临时救助");
            default -> new IllegalStateException("secret internal detail " + kind);
        });
    }

    @GetMapping("/test/thrown")
    Map<String, String> thrownSynchronously() {
        throw new NotFoundProblem("organization", "ORG-1");
    }

    @PostMapping(path = "/test/applicants", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Applicant> create(@Valid @RequestBody Applicant applicant) {
        return Mono.just(applicant);
    }

    @PostMapping(path = "/test/kin", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Kin> kin(@Valid @RequestBody List<Kin> kin) {
        return Mono.just(kin.get(0));
    }

    @GetMapping(path = "/test/json-only", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> jsonOnly() {
        return Map.of("ok", "yes");
    }

    /** The logging MDC after a thread hop, to show the trace id follows the request. */
    @GetMapping("/test/mdc")
    Mono<Map<String, String>> mdc() {
        return Mono.delay(java.time.Duration.ofMillis(20))
                .map(tick -> Map.of("traceId", String.valueOf(org.slf4j.MDC.get("traceId")),
                        "thread", Thread.currentThread().getName()));
    }

    @GetMapping("/test/count")
    Map<String, Integer> count(@RequestParam int limit) {
        return Map.of("limit", limit);
    }
}
