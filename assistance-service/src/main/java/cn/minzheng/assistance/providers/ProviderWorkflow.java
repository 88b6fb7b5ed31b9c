package cn.minzheng.assistance.providers;

import cn.minzheng.platform.kit.domain.RuleViolation;
import cn.minzheng.assistance.application.ApplicationCommand;
import cn.minzheng.assistance.application.ApplicationWorkflow;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.CaseRule;
import cn.minzheng.platform.kit.security.Principal;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Supplier;

/** Providers in good standing (the read model fed by org events) and assigning one to a case. */
@Component
public class ProviderWorkflow {
    private final ProviderStore providers;
    private final ApplicationWorkflow workflow;

    public ProviderWorkflow(ProviderStore providers, ApplicationWorkflow workflow) {
        this.providers = providers;
        this.workflow = workflow;
    }

    /** The providers in good standing in the caller's region. */
    public Flux<Provider> inGoodStanding(Principal p) {
        return providers.inGoodStanding(p.region());
    }

    /**
     * 物质+服务: assigns the provider to the case under If-Match; {@code providerId} is read inside the
     * chain so a bad one becomes a problem on this case. Unknown provider: 422 {@code PROVIDER_UNKNOWN}.
     */
    public Mono<AssistanceCase> assign(String number, long expectedVersion, Principal p, Supplier<String> providerId) {
        return workflow.change(number, expectedVersion, p, ApplicationCommand.ASSIGN_PROVIDER,
                (c, a, at) -> Mono.fromCallable(providerId::get).flatMap(providers::find)
                        .map(prov -> c.assignProvider(a, at, prov.id(), prov.name(), prov.inGoodStanding()))
                        .switchIfEmpty(Mono.error(() -> new RuleViolation(CaseRule.PROVIDER_UNKNOWN,
                                "no such organization in the read model"))));
    }
}
