package cn.minzheng.assistance.providers;

import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationView;
import cn.minzheng.assistance.application.ApplicationWorkflow;
import cn.minzheng.assistance.application.RuleViolationException;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Providers in good standing, and assigning one to a beneficiary (物质+服务). */
@RestController
public class ProviderController {
    private final ProviderStore providers;
    private final ApplicationWorkflow workflow;

    public ProviderController(ProviderStore providers, ApplicationWorkflow workflow) {
        this.providers = providers;
        this.workflow = workflow;
    }

    @GetMapping("/api/v1/assistance/providers")
    public Flux<Provider> list() {
        return CurrentPrincipal.require().flatMapMany(p -> providers.inGoodStanding(p.region()));
    }

    public record Assignment(String providerId) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
        public Assignment {
        }

        String checkedId() {
            if (providerId == null || providerId.isBlank() || providerId.length() > 100) {
                throw new cn.minzheng.platform.kit.problem.ValidationProblem(
                        cn.minzheng.platform.kit.problem.FieldProblem.withMessage("/providerId", "REQUIRED",
                                "the organization id, at most 100 characters"));
            }
            return providerId;
        }
    }

    @PostMapping("/api/v1/assistance/applications/{number}/provider")
    public Mono<ResponseEntity<ApplicationView>> assign(@PathVariable String number,
                                                        @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                        @RequestBody Assignment body) {
        return Mono.defer(() -> {
            long expected = Versions.parseIfMatch(ifMatch);
            return CurrentPrincipal.require().flatMap(p -> workflow.change(number, expected, p,
                    ApplicationCommand.ASSIGN_PROVIDER, (c, a, at) -> Mono.fromCallable(body::checkedId).flatMap(providers::find)
                            .map(prov -> c.assignProvider(a, at, prov.id(), prov.name(), prov.inGoodStanding()))
                            .switchIfEmpty(Mono.error(() -> new RuleViolationException("PROVIDER_UNKNOWN",
                                    "no such organization in the read model")))))
                    .map(c -> ResponseEntity.ok().eTag(Versions.etag(c.version())).body(ApplicationView.of(c)));
        });
    }
}
