package cn.minzheng.console.staff;

import cn.minzheng.console.api.ApiResult;
import cn.minzheng.console.api.PlatformApi;
import cn.minzheng.console.api.Problem;
import cn.minzheng.console.cases.CaseAction;
import cn.minzheng.console.cases.CaseActions;
import cn.minzheng.console.cases.CaseNumbers;
import cn.minzheng.console.security.Viewer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The clerk's and approver's workbench: the work queue (overdue first, marked) and the case page with the
 * household, the calculation, the history and only the actions the case's state and the user's role allow
 * ({@link CaseActions}), each a form sent with If-Match; a stale version says so with a reload link.
 */
@Controller
public class StaffController {

    static final String SERVICE = "低保救助服务";
    private static final String BASE = "/api/v1/assistance/applications";
    static final String STALE = "此案件已被他人修改，请刷新后再操作";

    private final PlatformApi api;

    public StaffController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/staff/queue")
    public Mono<String> queue(@RequestParam(required = false) String status,
                              @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        String filter = status == null || !status.matches("[A-Z_]{1,40}") ? "" : "&status=" + status;
        Mono<ApiResult> all = api.get(SERVICE, BASE + "?limit=100" + filter, token);
        Mono<ApiResult> overdue = api.get(SERVICE, BASE + "?overdue=true&limit=100" + filter, token);
        return Mono.zip(all, overdue).map(t -> {
            ApiResult result = t.getT1();
            Set<Object> late = t.getT2().items().stream().map(i -> i.get("number")).collect(Collectors.toSet());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> item : result.items()) {
                Map<String, Object> row = new LinkedHashMap<>(item);
                row.put("overdue", late.contains(item.get("number")));
                row.put("due", nextDue(item));
                rows.add(row);
            }
            rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("overdue"))
                    .thenComparing(r -> String.valueOf(r.get("due")).isEmpty() ? "9999" : String.valueOf(r.get("due"))));
            model.addAttribute("result", result);
            model.addAttribute("rows", rows);
            model.addAttribute("status", status);
            return "staff/queue";
        });
    }

    @GetMapping("/console/staff/cases/{number}")
    public Mono<String> oneCase(@PathVariable String number, @RequestParam(required = false) String done,
                                Authentication authentication,
                                @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        if (done != null) {
            model.addAttribute("done", done);
        }
        return caseModel(number, client.getAccessToken().getTokenValue(), Viewer.of(authentication), model)
                .thenReturn("staff/case");
    }

    @PostMapping("/console/staff/cases/{number}/{slug}")
    public Mono<String> act(@PathVariable String number, @PathVariable String slug, ServerWebExchange exchange,
                            Authentication authentication,
                            @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        String token = client.getAccessToken().getTokenValue();
        Viewer viewer = Viewer.of(authentication);
        CaseAction action = byslug(slug);
        if (action == null || action.roles().stream().noneMatch(viewer.roles()::contains)) {
            model.addAttribute("problem", Problem.local(403, "console-action-not-allowed", "不能办理此事项",
                    "您的角色不能办理该事项。请返回案件页面，只办理页面上列出的事项。"));
            return caseModel(number, token, viewer, model).thenReturn("staff/case");
        }
        return exchange.getFormData().flatMap(data -> api.post(SERVICE, BASE + "/" + number + "/" + action.path(), token,
                body(action, data), h -> h.setIfMatch("\"" + data.getFirst("version") + "\"")).flatMap(result -> {
                    if (result.ok()) {
                        return Mono.just("redirect:/console/staff/cases/" + number + "?done=" + action.slug());
                    }
                    model.addAttribute("problem", result.problem());
                    model.addAttribute("failedAction", action.slug());
                    model.addAttribute("stale", result.status() == 412);
                    model.addAttribute("staleText", STALE);
                    model.addAttribute("entered", data.toSingleValueMap());
                    return caseModel(number, token, viewer, model).thenReturn("staff/case");
                }));
    }

    private Mono<Void> caseModel(String number, String token, Viewer viewer, Model model) {
        Mono<ApiResult> view = api.get(SERVICE, BASE + "/" + number, token);
        Mono<ApiResult> calculation = api.get(SERVICE, BASE + "/" + number + "/calculation", token);
        return Mono.zip(view, calculation).doOnNext(t -> {
            ApiResult result = t.getT1();
            model.addAttribute("result", result);
            model.addAttribute("version", result.version());
            model.addAttribute("calculation", t.getT2());
            String status = String.valueOf(result.map().get("status"));
            String program = String.valueOf(result.map().get("program"));
            model.addAttribute("actions", result.ok() ? CaseActions.allowed(status, program, viewer.roles()) : List.of());
        }).then();
    }

    static Map<String, Object> body(CaseAction action, MultiValueMap<String, String> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (CaseAction.Field f : action.fields()) {
            String value = data.getFirst(f.name());
            switch (f.kind()) {
                case "fixed" -> body.put(f.name(), f.fixedValue());
                case "check" -> body.put(f.name(), "true".equals(value) || "on".equals(value));
                case "list" -> body.put(f.name(), value == null ? List.of()
                        : List.of(value.split("[\\r\\n,，、;；]+")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
                case "number" -> {
                    try {
                        body.put(f.name(), Integer.parseInt(value == null ? "" : value.trim()));
                    } catch (NumberFormatException e) {
                        body.put(f.name(), value == null ? "" : value.trim());
                    }
                }
                default -> body.put(f.name(), value == null ? "" : value.trim());
            }
        }
        return body;
    }

    private static CaseAction byslug(String slug) {
        for (CaseAction a : CaseAction.values()) {
            if (a.slug().equals(slug)) {
                return a;
            }
        }
        return null;
    }

    /** The earliest open promised due date of a case, for the queue's order and its 期限 column. */
    @SuppressWarnings("unchecked")
    static String nextDue(Map<String, Object> item) {
        if (!(item.get("deadlines") instanceof List<?> deadlines)) {
            return "";
        }
        return deadlines.stream().filter(Map.class::isInstance).map(d -> (Map<String, Object>) d)
                .filter(d -> d.get("metOn") == null && d.get("promisedDue") != null)
                .map(d -> String.valueOf(d.get("promisedDue"))).sorted().findFirst().orElse("");
    }
}
