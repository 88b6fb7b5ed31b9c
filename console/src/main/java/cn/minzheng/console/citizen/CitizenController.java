package cn.minzheng.console.citizen;

import cn.minzheng.console.api.PlatformApi;
import cn.minzheng.console.cases.CaseActions;
import cn.minzheng.console.cases.CaseNumbers;
import cn.minzheng.platform.codes.InvalidCodeException;
import cn.minzheng.platform.codes.identity.ResidentIdNumber;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The citizen's pages: apply (household form → summary → submit), my cases, one case with its 一次性告知,
 * decision notice, resubmission and withdrawal. Every call goes to the gateway with the user's token.
 */
@Controller
public class CitizenController {

    static final String SERVICE = "低保救助服务";
    private static final String BASE = "/api/v1/assistance/applications";

    private final PlatformApi api;

    public CitizenController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/citizen/cases")
    public Mono<String> myCases(@RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        return api.get(SERVICE, BASE + "/mine?limit=50", token(client)).map(result -> {
            model.addAttribute("result", result);
            return "citizen/cases";
        });
    }

    @GetMapping("/console/citizen/apply")
    public String applyForm(Model model) {
        model.addAttribute("form", new ApplicationForm());
        return "citizen/apply";
    }

    /**
     * Every button of the form posts here with its {@code step}: add or remove a member or an income (the page
     * works without scripts), review (the summary), edit (back from the summary) and submit.
     */
    @PostMapping("/console/citizen/apply")
    public Mono<String> apply(@ModelAttribute("form") ApplicationForm form, ServerWebExchange exchange,
                              @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        return exchange.getFormData().zipWith(exchange.getSession()).flatMap(t -> {
            MultiValueMap<String, String> data = t.getT1();
            WebSession session = t.getT2();
            String step = data.getFirst("step");
            if (step == null) {
                step = "review";
            }
            String key = "apply-form:" + form.getIdempotencyKey();
            if (editStep(form, step)) {
                return Mono.just("citizen/apply");
            }
            switch (step) {
                case "review" -> {
                    session.getAttributes().put(key, form);
                    return Mono.just("citizen/summary");
                }
                case "edit" -> {
                    if (session.getAttributes().get(key) instanceof ApplicationForm kept) {
                        model.addAttribute("form", kept);
                    }
                }
                case "submit" -> {
                    ApplicationForm kept = session.getAttributes().get(key) instanceof ApplicationForm f ? f : form;
                    model.addAttribute("form", kept);
                    return api.create(SERVICE, BASE, token(client), kept.toSubmission(), kept.getIdempotencyKey())
                            .map(result -> {
                                if (result.ok()) {
                                    session.getAttributes().remove(key);
                                    return "redirect:/console/citizen/cases/" + result.map().get("number") + "?done=submitted";
                                }
                                model.addAttribute("problem", result.problem());
                                if (result.refused()) {
                                    session.getAttributes().remove(key);
                                    kept.renewIdempotencyKey();
                                }
                                return result.unavailable() ? "citizen/summary" : "citizen/apply";
                            });
                }
                default -> { }
            }
            return Mono.just("citizen/apply");
        });
    }

    /** The 身份证 check as the citizen types (htmx): the same GB 11643 rules the API applies, in Chinese. */
    @PostMapping(value = "/console/citizen/id-check", produces = "text/html;charset=UTF-8")
    @ResponseBody
    public Mono<String> idCheck(ServerWebExchange exchange) {
        return exchange.getFormData().map(data -> {
            String value = data.entrySet().stream().filter(e -> e.getKey().endsWith("idNumber"))
                    .map(e -> e.getValue().isEmpty() ? "" : e.getValue().get(0)).findFirst().orElse("").trim();
            if (value.isEmpty()) {
                return "";
            }
            try {
                ResidentIdNumber.parse(value, LocalDate.now(ZoneId.of("Asia/Shanghai")));
                return "";
            } catch (InvalidCodeException e) {
                return org.springframework.web.util.HtmlUtils.htmlEscape(e.messageZh());
            }
        });
    }

    @GetMapping("/console/citizen/cases/{number}")
    public Mono<String> oneCase(@PathVariable String number, @RequestParam(required = false) String done,
                                @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        model.addAttribute("flash", done);
        return caseModel(number, token(client), model).thenReturn("citizen/case");
    }

    @PostMapping("/console/citizen/cases/{number}/withdrawal")
    public Mono<String> withdraw(@PathVariable String number, ServerWebExchange exchange,
                                 @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        return exchange.getFormData().flatMap(data -> api.post(SERVICE, BASE + "/" + number + "/withdrawal", token(client),
                Map.of("reason", String.valueOf(data.getFirst("reason")).trim()),
                h -> h.setIfMatch("\"" + data.getFirst("version") + "\"")).flatMap(result -> {
                    if (result.ok()) {
                        return Mono.just("redirect:/console/citizen/cases/" + number + "?done=withdrawn");
                    }
                    model.addAttribute("problem", result.problem());
                    model.addAttribute("reason", data.getFirst("reason"));
                    return caseModel(number, token(client), model).thenReturn("citizen/case");
                }));
    }

    @GetMapping("/console/citizen/cases/{number}/resubmission")
    public Mono<String> resubmitForm(@PathVariable String number,
                                     @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        return api.get(SERVICE, BASE + "/" + number, token(client)).map(result -> {
            model.addAttribute("number", number);
            model.addAttribute("version", result.version());
            if (result.ok() && result.map().get("submission") instanceof Map<?, ?> s) {
                @SuppressWarnings("unchecked")
                Map<String, Object> submission = (Map<String, Object>) s;
                model.addAttribute("form", ApplicationForm.of(submission));
            } else {
                model.addAttribute("problem", result.problem());
                model.addAttribute("form", new ApplicationForm());
            }
            model.addAttribute("case", result.map());
            return "citizen/resubmit";
        });
    }

    @PostMapping("/console/citizen/cases/{number}/resubmission")
    public Mono<String> resubmit(@PathVariable String number, @ModelAttribute("form") ApplicationForm form,
                                 ServerWebExchange exchange,
                                 @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        CaseNumbers.check(number);
        return exchange.getFormData().flatMap(data -> {
            String step = data.getFirst("step");
            String version = data.getFirst("version");
            model.addAttribute("number", number);
            model.addAttribute("version", version);
            if (!editStep(form, step)) {
                return api.post(SERVICE, BASE + "/" + number + "/resubmission", token(client), form.toSubmission(),
                        h -> h.setIfMatch("\"" + version + "\"")).map(result -> {
                            if (result.ok()) {
                                return "redirect:/console/citizen/cases/" + number + "?done=resubmitted";
                            }
                            model.addAttribute("problem", result.problem());
                            return "citizen/resubmit";
                        });
            }
            return Mono.just("citizen/resubmit");
        });
    }

    private Mono<Void> caseModel(String number, String token, Model model) {
        return api.get(SERVICE, BASE + "/" + number, token).flatMap(result -> {
            model.addAttribute("result", result);
            model.addAttribute("version", result.version());
            String status = String.valueOf(result.map().get("status"));
            model.addAttribute("withdrawable", result.ok() && CaseActions.withdrawable(status));
            if (result.ok() && CaseActions.decided(status)) {
                return api.get(SERVICE, BASE + "/" + number + "/decision", token)
                        .doOnNext(d -> model.addAttribute("notice", d)).then();
            }
            return Mono.empty();
        });
    }

    static String token(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getTokenValue();
    }

    /** The form's own buttons: add a member, remove one, add an income ({@code step} = {@code addIncome:1}). */
    private static boolean editStep(ApplicationForm form, String step) {
        if (step == null) {
            return false;
        }
        String[] parts = step.split(":", 2);
        int index = parts.length > 1 ? index(parts[1]) : -1;
        switch (parts[0]) {
            case "addMember" -> form.addMember();
            case "removeMember" -> form.removeMember(index);
            case "addIncome" -> form.addIncome(index);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
