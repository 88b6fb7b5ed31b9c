package cn.minzheng.console.audit;

import cn.minzheng.console.api.ApiResult;
import cn.minzheng.console.api.PlatformApi;
import cn.minzheng.console.api.Problem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The auditor's console: a subject's 全过程记录 as a timeline, and the verification of a chain with its verdict. */
@Controller
public class AuditController {

    static final String SERVICE = "审计留痕服务";

    private final PlatformApi api;

    public AuditController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/audit")
    public Mono<String> index(@RequestParam(required = false) String subject,
                              @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        Mono<ApiResult> chains = api.get(SERVICE, "/api/v1/audit/chains", token);
        Mono<ApiResult> timeline = subject == null || subject.isBlank() ? Mono.just(ApiResultNone.NONE)
                : api.get(SERVICE, "/api/v1/audit/timeline/{subject}", token, subject.trim());
        return Mono.zip(chains, timeline).map(t -> {
            model.addAttribute("chains", t.getT1());
            model.addAttribute("subject", subject == null ? "" : subject.trim());
            if (t.getT2() != ApiResultNone.NONE) {
                model.addAttribute("timeline", t.getT2());
            }
            return "audit/index";
        });
    }

    @PostMapping("/console/audit/verification")
    public Mono<String> verify(ServerWebExchange exchange,
                               @RegisteredOAuth2AuthorizedClient("minzheng") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        return exchange.getFormData().flatMap(data -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("chain", String.valueOf(data.getFirst("chain")));
            Object from = number(data.getFirst("fromSequence"));
            Object to = number(data.getFirst("toSequence"));
            if (from != null) {
                body.put("fromSequence", from);
            }
            if (to != null) {
                body.put("toSequence", to);
            }
            String subject = data.getFirst("subject");
            Mono<ApiResult> verdict = api.post(SERVICE, "/api/v1/audit/verifications", token, body, h -> { });
            Mono<ApiResult> chains = api.get(SERVICE, "/api/v1/audit/chains", token);
            return Mono.zip(verdict, chains).map(t -> {
                model.addAttribute("verification", t.getT1());
                model.addAttribute("chains", t.getT2());
                model.addAttribute("verifiedChain", body.get("chain"));
                model.addAttribute("subject", subject == null ? "" : subject);
                if (!t.getT1().ok()) {
                    model.addAttribute("problem", t.getT1().problem());
                }
                return "audit/index";
            });
        });
    }

    /** A number as typed, or the text itself (the API names the field when it is not a number), or null when empty. */
    private static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }

    /** The absence of a timeline query. */
    static final class ApiResultNone {
        static final ApiResult NONE = new ApiResult(0, Map.of(), null, (Problem) null, null, false);

        private ApiResultNone() {
        }
    }
}
