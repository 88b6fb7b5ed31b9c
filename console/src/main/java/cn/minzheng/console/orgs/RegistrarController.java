package cn.minzheng.console.orgs;

import static cn.minzheng.console.orgs.AgentController.ORGS;
import static cn.minzheng.console.orgs.AgentController.SERVICE;
import static cn.minzheng.console.orgs.AgentController.token;
import static cn.minzheng.console.orgs.AgentController.trimmed;

import cn.minzheng.console.api.ApiResult;
import cn.minzheng.console.api.PlatformApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The registrar's pages (REGISTRAR): the queue of registration applications (overdue first, marked), one
 * application with only the steps its status allows (一次性告知, 受理, 准予登记 — which issues the 统一社会信用代码 —
 * or 不予登记 with written reasons), each sent with If-Match; an organization with its 拟列入告知 and the
 * organization's 陈述、申辩 to accept or reject with reasons.
 */
@Controller
public class RegistrarController {

    static final String STALE = "此申请已被他人修改，请刷新后再操作";
    private static final Set<String> STATUSES = Set.of("APPLIED", "SUPPLEMENT_REQUESTED", "RESUBMITTED", "ACCEPTED", "APPROVED", "REFUSED");

    private final PlatformApi api;

    public RegistrarController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/registrar/queue")
    public Mono<String> queue(@RequestParam(required = false) String status,
                              @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        String token = token(client);
        String filter = status != null && STATUSES.contains(status) ? "&status=" + status : "";
        Mono<ApiResult> all = api.get(SERVICE, ORGS + "/applications?size=100" + filter, token);
        Mono<ApiResult> overdue = api.get(SERVICE, ORGS + "/applications?overdue=true&size=100", token);
        return Mono.zip(all, overdue).map(t -> {
            Set<Object> late = t.getT2().items().stream().map(i -> i.get("id")).collect(Collectors.toSet());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> item : t.getT1().items()) {
                Map<String, Object> row = new LinkedHashMap<>(item);
                row.put("overdue", late.contains(item.get("id")));
                row.put("open", !Set.of("APPROVED", "REFUSED").contains(String.valueOf(item.get("status"))));
                rows.add(row);
            }
            // overdue first, then the open ones, each group in the API's order (newest first)
            rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("overdue"))
                    .thenComparing(r -> !(Boolean) r.get("open")));
            model.addAttribute("result", t.getT1());
            model.addAttribute("rows", rows);
            model.addAttribute("status", status);
            return "registrar/queue";
        });
    }

    @GetMapping("/console/registrar/applications/{id}")
    public Mono<String> application(@PathVariable String id, @RequestParam(required = false) String done,
                                    @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        model.addAttribute("done", done == null ? null : RegistrationAction.byPath(done));
        return applicationModel(id, token(client), model).thenReturn("registrar/application");
    }

    @PostMapping("/console/registrar/applications/{id}/{step}")
    public Mono<String> act(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange,
                            @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        String token = token(client);
        RegistrationAction action = RegistrationAction.byPath(step);
        if (action == null) {
            model.addAttribute("problem", AgentController.notAllowed());
            return applicationModel(id, token, model).thenReturn("registrar/application");
        }
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if (action.listField() != null) {
                body.put(action.listField(), lines(data.getFirst(action.listField())));
            }
            return api.post(SERVICE, ORGS + "/applications/" + id + "/" + action.path(), token, body,
                    h -> h.setIfMatch(OrgIds.ifMatch(data.getFirst("version")))).flatMap(result -> {
                        if (result.ok()) {
                            return Mono.just("redirect:/console/registrar/applications/" + id + "?done=" + action.path());
                        }
                        model.addAttribute("problem", result.problem());
                        model.addAttribute("failedAction", action.path());
                        model.addAttribute("stale", result.status() == 412);
                        model.addAttribute("staleText", STALE);
                        model.addAttribute("entered", data.toSingleValueMap());
                        return applicationModel(id, token, model).thenReturn("registrar/application");
                    });
        });
    }

    @GetMapping("/console/registrar/organizations/{id}")
    public Mono<String> organization(@PathVariable String id, @RequestParam(required = false) String done,
                                     @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        model.addAttribute("done", done);
        return organizationModel(id, token(client), model).thenReturn("registrar/organization");
    }

    /** Accept ({@code acceptance}: never listed) or reject ({@code rejection}: listed at once) a statement, with reasons. */
    @PostMapping("/console/registrar/organizations/{id}/listing-notices/{notice}/{decision}")
    public Mono<String> decide(@PathVariable String id, @PathVariable String notice, @PathVariable String decision,
                               ServerWebExchange exchange,
                               @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        OrgIds.check(notice);
        String token = token(client);
        if (!Set.of("acceptance", "rejection").contains(decision)) {
            model.addAttribute("problem", AgentController.notAllowed());
            return organizationModel(id, token, model).thenReturn("registrar/organization");
        }
        return exchange.getFormData().flatMap(data -> api.post(SERVICE, ORGS + "/listing-notices/" + notice + "/" + decision, token,
                Map.of("reasons", trimmed(data.getFirst("reasons"))), h -> h.setIfMatch(OrgIds.ifMatch(data.getFirst("version"))))
                .flatMap(result -> {
                    if (result.ok()) {
                        return Mono.just("redirect:/console/registrar/organizations/" + id + "?done=" + decision);
                    }
                    model.addAttribute("problem", result.problem());
                    model.addAttribute("failed", notice);
                    model.addAttribute("stale", result.status() == 412);
                    model.addAttribute("entered", data.toSingleValueMap());
                    return organizationModel(id, token, model).thenReturn("registrar/organization");
                }));
    }

    private Mono<Void> applicationModel(String id, String token, Model model) {
        return api.get(SERVICE, ORGS + "/applications/{id}", token, id).flatMap(result -> {
            model.addAttribute("result", result);
            model.addAttribute("version", result.version());
            model.addAttribute("actions", result.ok() ? RegistrationAction.from(result.map().get("status")) : List.of());
            Object org = result.map().get("organizationId");
            if (result.ok() && "APPROVED".equals(result.map().get("status")) && org != null) {
                return api.get(SERVICE, ORGS + "/organizations/{id}", token, org)
                        .doOnNext(o -> model.addAttribute("organization", o)).then();
            }
            return Mono.empty();
        });
    }

    private Mono<Void> organizationModel(String id, String token, Model model) {
        return Mono.zip(api.get(SERVICE, ORGS + "/organizations/{id}", token, id),
                api.get(SERVICE, ORGS + "/organizations/{id}/listing-notices", token, id)).doOnNext(t -> {
                    model.addAttribute("result", t.getT1());
                    model.addAttribute("notices", t.getT2());
                }).then();
    }

    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return List.of(text.split("[\\r\\n]+")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
