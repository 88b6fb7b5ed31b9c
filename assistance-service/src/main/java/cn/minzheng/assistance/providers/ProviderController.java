package cn.minzheng.assistance.providers;

import cn.minzheng.assistance.application.web.ApplicationView;
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
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import com.fasterxml.jackson.annotation.JsonCreator;

/** Providers in good standing, and assigning one to a beneficiary (物质+服务). */
@RestController
public class ProviderController {
    private final ProviderWorkflow providers;

    public ProviderController(ProviderWorkflow providers) {
        this.providers = providers;
    }

    @GetMapping("/api/v1/assistance/providers")
    public Flux<Provider> list() {
        return CurrentPrincipal.require().flatMapMany(providers::inGoodStanding);
    }

    public record Assignment(String providerId) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Assignment {
        }

        String checkedId() {
            if (providerId == null || providerId.isBlank() || providerId.length() > 100) {
                throw new ValidationProblem(
                        FieldProblem.withMessage("/providerId", "REQUIRED",
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
            return CurrentPrincipal.require().flatMap(p -> providers.assign(number, expected, p, body::checkedId))
                    .map(c -> ResponseEntity.ok().eTag(Versions.etag(c.version())).body(ApplicationView.of(c)));
        });
    }
}
