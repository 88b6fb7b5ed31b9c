package cn.minzheng.console.enforcement;

import cn.minzheng.console.api.ApiResult;
import cn.minzheng.console.api.PlatformApi;
import cn.minzheng.console.api.Problem;
import cn.minzheng.console.security.Viewer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Enforcement cases (行政处罚) for the inspector, the legal reviewer and the registrar: the list (overdue first,
 * marked), opening a case (立案, Idempotency-Key made on the server), and the case page with its steps and gates
 * (evidence, proposal, notice, hearing, 法制审核, decision) — only those the case's status and the user's role allow
 * ({@link EnforcementAction}), each sent with If-Match; a stale version says so with a reload link.
 */
@Controller
public class EnforcementController {

    static final String SERVICE = "社会组织服务";
    static final String CASES = "/api/v1/orgs/enforcement-cases";
    static final String STALE = "此案件已被他人修改，请刷新后再操作";

    private final PlatformApi api;

    public EnforcementController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/enforcement")
    public Mono<String> cases(@RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        return listModel(token(client), model, Map.of()).thenReturn("enforcement/cases");
    }

    /** 立案: the organization, the violation and the facts; one Idempotency-Key per form, a new one after a refusal. */
    @PostMapping("/console/enforcement/cases")
    public Mono<String> open(ServerWebExchange exchange, Authentication authentication,
                             @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        Viewer viewer = Viewer.of(authentication);
        String token = token(client);
        if (!viewer.has("INSPECTOR") && !viewer.has("REGISTRAR")) {
            model.addAttribute("problem", notAllowed());
            return listModel(token, model, Map.of()).thenReturn("enforcement/cases");
        }
        return exchange.getFormData().flatMap(data -> {
            Map<String, String> form = new LinkedHashMap<>(data.toSingleValueMap());
            String key = form.getOrDefault("idempotencyKey", "");
            if (!key.matches("[A-Za-z0-9-]{8,80}")) {
                key = "console-case-" + UUID.randomUUID();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("organizationId", form.getOrDefault("organizationId", "").trim());
            body.put("violation", form.getOrDefault("violation", "").trim());
            body.put("facts", form.getOrDefault("facts", "").trim());
            return api.create(SERVICE, CASES, token, body, key).flatMap(result -> {
                if (result.ok()) {
                    return Mono.just("redirect:/console/enforcement/cases/" + result.map().get("id") + "?done=opened");
                }
                model.addAttribute("problem", result.problem());
                if (result.refused()) {
                    form.remove("idempotencyKey");
                }
                return listModel(token, model, form).thenReturn("enforcement/cases");
            });
        });
    }

    @GetMapping("/console/enforcement/cases/{id}")
    public Mono<String> oneCase(@PathVariable String id, @RequestParam(required = false) String done, Authentication authentication,
                                @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        check(id);
        model.addAttribute("done", done == null ? null : "opened".equals(done) ? "已立案。" : label(done));
        return caseModel(id, token(client), Viewer.of(authentication), model).thenReturn("enforcement/case");
    }

    @PostMapping("/console/enforcement/cases/{id}/{step}")
    public Mono<String> act(@PathVariable String id, @PathVariable String step, ServerWebExchange exchange, Authentication authentication,
                            @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        check(id);
        String token = token(client);
        Viewer viewer = Viewer.of(authentication);
        EnforcementAction action = EnforcementAction.byPath(step);
        if (action == null || !action.takenBy(viewer.roles())) {
            model.addAttribute("problem", notAllowed());
            return caseModel(id, token, viewer, model).thenReturn("enforcement/case");
        }
        return exchange.getFormData().flatMap(data -> {
            Map<String, String> form = data.toSingleValueMap();
            String version = form.getOrDefault("version", "");
            return api.post(SERVICE, CASES + "/" + id + "/" + action.path(), token, action.body(form),
                    h -> h.setIfMatch("\"" + (version.matches("\\d{1,18}") ? version : "0") + "\"")).flatMap(result -> {
                        if (result.ok()) {
                            return Mono.just("redirect:/console/enforcement/cases/" + id + "?done=" + action.path());
                        }
                        model.addAttribute("problem", result.problem());
                        model.addAttribute("failedAction", action.path());
                        model.addAttribute("stale", result.status() == 412);
                        model.addAttribute("staleText", STALE);
                        model.addAttribute("entered", form);
                        return caseModel(id, token, viewer, model).thenReturn("enforcement/case");
                    });
        });
    }

    private Mono<Void> listModel(String token, Model model, Map<String, String> entered) {
        Mono<ApiResult> all = api.get(SERVICE, CASES + "?size=100", token);
        Mono<ApiResult> overdue = api.get(SERVICE, CASES + "?overdue=true&size=100", token);
        return Mono.zip(all, overdue).doOnNext(t -> {
            Set<Object> late = t.getT2().items().stream().map(i -> i.get("id")).collect(Collectors.toSet());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> item : t.getT1().items()) {
                Map<String, Object> row = new LinkedHashMap<>(item);
                row.put("late", late.contains(item.get("id")) || Boolean.TRUE.equals(item.get("overdue")));
                rows.add(row);
            }
            rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("late")));
            model.addAttribute("result", t.getT1());
            model.addAttribute("rows", rows);
            model.addAttribute("entered", entered);
            model.addAttribute("caseKey", entered.getOrDefault("idempotencyKey", "console-case-" + UUID.randomUUID()));
        }).then();
    }

    private Mono<Void> caseModel(String id, String token, Viewer viewer, Model model) {
        return api.get(SERVICE, CASES + "/{id}", token, id).doOnNext(result -> {
            model.addAttribute("result", result);
            model.addAttribute("version", result.version());
            model.addAttribute("actions", result.ok() ? EnforcementAction.allowed(result.map().get("status"), viewer.roles()) : List.of());
        }).then();
    }

    private static String label(String path) {
        EnforcementAction action = EnforcementAction.byPath(path);
        return action == null ? null : "已办理：" + action.label() + "。";
    }

    static Problem notAllowed() {
        return Problem.local(403, "console-action-not-allowed", "不能办理此事项",
                "您的角色不能办理该事项。请返回案件页面，只办理页面上列出的事项。");
    }

    static String check(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9-]{0,79}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个案件编号。请从列表中打开案件。");
        }
        return id;
    }

    static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }
}
