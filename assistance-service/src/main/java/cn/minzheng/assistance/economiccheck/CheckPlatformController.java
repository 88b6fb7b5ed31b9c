package cn.minzheng.assistance.economiccheck;

import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.web.ApplicationView;
import cn.minzheng.assistance.application.web.CommandBodies.Empty;
import cn.minzheng.assistance.application.ApplicationWorkflow;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.problem.UnprocessableProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Asks the 核对 platform and records its answer, or a pending check when it cannot answer. */
@RestController
public class CheckPlatformController {
    private final ApplicationWorkflow workflow;
    private final CheckPlatformClient client;

    public CheckPlatformController(ApplicationWorkflow workflow, CheckPlatformClient client) {
        this.workflow = workflow;
        this.client = client;
    }

    @PostMapping("/api/v1/assistance/applications/{number}/economic-checks/platform-request")
    public Mono<ResponseEntity<ApplicationView>> request(@PathVariable String number,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         @RequestBody(required = false) Empty ignored) {
        return Mono.defer(() -> {
            long expected = Versions.parseIfMatch(ifMatch);
            if (!client.configured()) {
                return Mono.error(new UnprocessableProblem("check-platform-not-configured"));
            }
            return CurrentPrincipal.require().flatMap(p -> workflow.change(number, expected, p,
                            ApplicationCommand.RECORD_ECONOMIC_CHECK,
                            (c, a, at) -> client.check(c, a.id(), at).map(check -> c.recordEconomicCheck(a, at, check))))
                    .map(c -> ResponseEntity.ok().eTag(Versions.etag(c.version())).body(ApplicationView.of(c)));
        });
    }
}
