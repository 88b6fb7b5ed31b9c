package cn.minzheng.console.orgs;

import cn.minzheng.console.api.ApiResult;
import cn.minzheng.console.api.PlatformApi;
import cn.minzheng.console.api.Problem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organization agent's pages (ORG_AGENT): register a social organization (成立登记, the three types), my
 * applications with their status in words and the next step, the 一次性告知 answered by resubmitting, my
 * organizations with the annual report (年度工作报告) to file and the 拟列入告知 to answer (陈述、申辩).
 */
@Controller
public class AgentController {

    static final String SERVICE = "社会组织服务";
    static final String ORGS = "/api/v1/orgs";

    private final PlatformApi api;

    public AgentController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/agent")
    public Mono<String> home(@RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        String token = token(client);
        return api.get(SERVICE, ORGS + "/applications?size=100", token).flatMap(result -> {
            model.addAttribute("result", result);
            // my organizations: those my approved founding applications registered (the API has no list of them)
            List<String> ids = result.items().stream()
                    .filter(a -> "FOUNDING".equals(a.get("matter")) && "APPROVED".equals(a.get("status")) && a.get("organizationId") != null)
                    .map(a -> a.get("organizationId").toString()).distinct().limit(20).toList();
            return Flux.fromIterable(ids).concatMap(id -> api.get(SERVICE, ORGS + "/organizations/{id}", token, id))
                    .filter(ApiResult::ok).map(ApiResult::map).collectList();
        }).map(organizations -> {
            model.addAttribute("organizations", organizations);
            return "agent/home";
        });
    }

    @GetMapping("/console/agent/apply")
    public String applyForm(@RequestParam(required = false) String type, Model model) {
        FoundingForm form = new FoundingForm();
        form.setType(type);
        model.addAttribute("form", form);
        return "agent/apply";
    }

    /** {@code step=type} re-renders the form for the chosen type (works without scripts); {@code step=submit} applies. */
    @PostMapping("/console/agent/apply")
    public Mono<String> apply(@ModelAttribute("form") FoundingForm form, ServerWebExchange exchange,
                              @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        return exchange.getFormData().flatMap(data -> {
            if (!"submit".equals(data.getFirst("step"))) {
                return Mono.just("agent/apply");
            }
            return api.create(SERVICE, ORGS + "/applications", token(client), form.toRequest(), form.getIdempotencyKey())
                    .map(result -> {
                        if (result.ok()) {
                            return "redirect:/console/agent/applications/" + result.map().get("id") + "?done=applied";
                        }
                        model.addAttribute("problem", result.problem());
                        if (result.refused()) {
                            form.renewIdempotencyKey();
                        }
                        return "agent/apply";
                    });
        });
    }

    @GetMapping("/console/agent/applications/{id}")
    public Mono<String> application(@PathVariable String id, @RequestParam(required = false) String done,
                                    @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        model.addAttribute("done", done);
        return applicationModel(id, token(client), model).thenReturn("agent/application");
    }

    /**
     * The 一次性告知 answered: the documents as now complete and the notice's other items now supplied (each as the
     * notice wrote it; the API keeps in missingItems only what is still missing), sent with If-Match.
     */
    @PostMapping("/console/agent/applications/{id}/resubmission")
    public Mono<String> resubmit(@PathVariable String id, ServerWebExchange exchange,
                                 @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        String token = token(client);
        return exchange.getFormData().flatMap(data -> api.post(SERVICE, ORGS + "/applications/" + id + "/resubmission", token,
                Map.of("documents", documents(data), "supplied", supplied(data)),
                h -> h.setIfMatch(OrgIds.ifMatch(data.getFirst("version"))))
                .flatMap(result -> {
                    if (result.ok()) {
                        return Mono.just("redirect:/console/agent/applications/" + id + "?done=resubmitted");
                    }
                    model.addAttribute("problem", result.problem());
                    model.addAttribute("stale", result.status() == 412);
                    return applicationModel(id, token, model).thenReturn("agent/application");
                }));
    }

    @GetMapping("/console/agent/organizations/{id}")
    public Mono<String> organization(@PathVariable String id, @RequestParam(required = false) String done,
                                     @RequestParam(required = false) String report,
                                     @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        model.addAttribute("done", done);
        String token = token(client);
        Mono<Void> filed = report == null || !report.matches("[A-Za-z0-9-]{1,120}") ? Mono.empty()
                : api.get(SERVICE, ORGS + "/annual-reports/{id}", token, report).doOnNext(r -> model.addAttribute("filed", r)).then();
        return filed.then(organizationModel(id, token, model, Map.of())).thenReturn("agent/organization");
    }

    /** 年度工作报告 for an ended year; the Idempotency-Key made once per form on the server. */
    @PostMapping("/console/agent/organizations/{id}/annual-reports")
    public Mono<String> fileReport(@PathVariable String id, ServerWebExchange exchange,
                                   @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        String token = token(client);
        return exchange.getFormData().flatMap(data -> {
            String key = data.getFirst("idempotencyKey");
            if (key == null || !key.matches("[A-Za-z0-9-]{8,80}")) {
                key = "console-report-" + UUID.randomUUID();
            }
            return api.create(SERVICE, ORGS + "/organizations/" + id + "/annual-reports", token, reportBody(data), key)
                    .flatMap(result -> {
                        if (result.ok()) {
                            return Mono.just("redirect:/console/agent/organizations/" + id + "?done=report&report=" + result.map().get("id"));
                        }
                        model.addAttribute("problem", result.problem());
                        model.addAttribute("failed", "report");
                        Map<String, String> entered = new LinkedHashMap<>(data.toSingleValueMap());
                        if (result.refused()) {
                            entered.remove("idempotencyKey");
                        }
                        return organizationModel(id, token, model, entered).thenReturn("agent/organization");
                    });
        });
    }

    /** 陈述、申辩 on a 拟列入告知, up to and including its respondBy, sent with If-Match. */
    @PostMapping("/console/agent/organizations/{id}/listing-notices/{notice}/response")
    public Mono<String> respond(@PathVariable String id, @PathVariable String notice, ServerWebExchange exchange,
                                @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        OrgIds.check(notice);
        String token = token(client);
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("statement", trimmed(data.getFirst("statement")));
            body.put("reasons", trimmed(data.getFirst("reasons")));
            return api.post(SERVICE, ORGS + "/listing-notices/" + notice + "/response", token, body,
                    h -> h.setIfMatch(OrgIds.ifMatch(data.getFirst("version")))).flatMap(result -> {
                        if (result.ok()) {
                            return Mono.just("redirect:/console/agent/organizations/" + id + "?done=response");
                        }
                        model.addAttribute("problem", result.problem());
                        model.addAttribute("failed", notice);
                        model.addAttribute("stale", result.status() == 412);
                        return organizationModel(id, token, model, data.toSingleValueMap()).thenReturn("agent/organization");
                    });
        });
    }

    /**
     * The party's own acts in an enforcement case: a statement (陈述, or 申辩 with {@code defence}, optionally waiving
     * the hearing in writing) or a hearing request within the rights period; each with If-Match.
     */
    @PostMapping("/console/agent/organizations/{id}/enforcement-cases/{enforcementCase}/{act}")
    public Mono<String> partyAct(@PathVariable String id, @PathVariable String enforcementCase, @PathVariable String act,
                                 ServerWebExchange exchange,
                                 @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        OrgIds.check(id);
        OrgIds.check(enforcementCase);
        String token = token(client);
        if (!"statements".equals(act) && !"hearing-request".equals(act)) {
            model.addAttribute("problem", notAllowed());
            return organizationModel(id, token, model, Map.of()).thenReturn("agent/organization");
        }
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            if ("statements".equals(act)) {
                body.put("text", trimmed(data.getFirst("text")));
                body.put("defence", "true".equals(data.getFirst("defence")));
                body.put("waivesHearing", "true".equals(data.getFirst("waivesHearing")));
            }
            return api.post(SERVICE, ORGS + "/enforcement-cases/" + enforcementCase + "/" + act, token, body,
                    h -> h.setIfMatch(OrgIds.ifMatch(data.getFirst("version")))).flatMap(result -> {
                        if (result.ok()) {
                            return Mono.just("redirect:/console/agent/organizations/" + id + "?done=" + act);
                        }
                        model.addAttribute("problem", result.problem());
                        model.addAttribute("failed", enforcementCase);
                        model.addAttribute("stale", result.status() == 412);
                        return organizationModel(id, token, model, data.toSingleValueMap()).thenReturn("agent/organization");
                    });
        });
    }

    private Mono<Void> applicationModel(String id, String token, Model model) {
        return api.get(SERVICE, ORGS + "/applications/{id}", token, id).doOnNext(result -> {
            model.addAttribute("result", result);
            model.addAttribute("version", result.version());
            Object type = result.map().get("type");
            model.addAttribute("documentKinds", type == null ? List.of()
                    : cn.minzheng.console.cases.Words.DOCUMENTS_BY_TYPE.getOrDefault(type.toString(), List.of()));
        }).then();
    }

    private Mono<Void> organizationModel(String id, String token, Model model, Map<String, String> entered) {
        Mono<ApiResult> org = api.get(SERVICE, ORGS + "/organizations/{id}", token, id);
        Mono<ApiResult> notices = api.get(SERVICE, ORGS + "/organizations/{id}/listing-notices", token, id);
        Mono<ApiResult> cases = api.get(SERVICE, ORGS + "/enforcement-cases?organizationId={id}&size=20", token, id);
        return Mono.zip(org, notices, cases).doOnNext(t -> {
            model.addAttribute("result", t.getT1());
            model.addAttribute("notices", t.getT2());
            model.addAttribute("cases", t.getT3());
            model.addAttribute("entered", entered);
            model.addAttribute("reportKey", entered.getOrDefault("idempotencyKey", "console-report-" + UUID.randomUUID()));
            // the year to report: the last ended year (the API refuses a year not yet ended, naming /year)
            model.addAttribute("reportYear", entered.getOrDefault("year",
                    String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1)));
        }).then();
    }

    static Map<String, Object> reportBody(MultiValueMap<String, String> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        String year = trimmed(data.getFirst("year"));
        body.put("year", year.matches("\\d{4}") ? Integer.valueOf(year) : null);
        body.put("boardElectedOnTime", "true".equals(data.getFirst("boardElectedOnTime")));
        body.put("governance", trimmed(data.getFirst("governance")));
        body.put("activities", trimmed(data.getFirst("activities")));
        Map<String, Object> finances = new LinkedHashMap<>();
        finances.put("income", trimmed(data.getFirst("finances.income")));
        finances.put("expenditure", trimmed(data.getFirst("finances.expenditure")));
        finances.put("netAssets", trimmed(data.getFirst("finances.netAssets")));
        body.put("finances", finances);
        String audited = trimmed(data.getFirst("auditedReportReference"));
        if (!audited.isEmpty()) {
            body.put("auditedReportReference", audited);
        }
        return body;
    }

    static List<String> documents(MultiValueMap<String, String> data) {
        List<String> out = new ArrayList<>();
        for (String d : data.getOrDefault("documents", List.of())) {
            if (cn.minzheng.console.cases.Words.DOCUMENTS.containsKey(d) && !out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The notice's items the agent ticks as supplied, as the page listed them (the API checks each against the notice). */
    static List<String> supplied(MultiValueMap<String, String> data) {
        return data.getOrDefault("supplied", List.of()).stream().map(String::trim).filter(v -> !v.isEmpty())
                .distinct().limit(50).toList();
    }

    static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }

    static Problem notAllowed() {
        return Problem.local(403, "console-action-not-allowed", "不能办理此事项",
                "当前状态下不能办理该事项。请刷新页面，只办理页面上列出的事项。");
    }
}
