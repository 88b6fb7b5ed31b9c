package cn.minzheng.console.publicview;

import cn.minzheng.console.api.PlatformApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/** Pages for everyone, no login: the organization lookup (by name or 统一社会信用代码). */
@Controller
public class PublicController {

    static final String SERVICE = "社会组织服务";

    private final PlatformApi api;

    public PublicController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/console/public/organizations")
    public Mono<String> organizations(@RequestParam(required = false) String name,
                                      @RequestParam(required = false) String creditCode, Model model) {
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("creditCode", creditCode == null ? "" : creditCode);
        String path;
        String value;
        if (creditCode != null && !creditCode.isBlank()) {
            path = "/api/v1/orgs/public/organizations?creditCode={v}";
            value = creditCode.trim();
        } else if (name != null && !name.isBlank()) {
            path = "/api/v1/orgs/public/organizations?name={v}";
            value = name.trim();
        } else {
            return Mono.just("public/organizations");
        }
        return api.get(SERVICE, path, null, value).map(result -> {
            model.addAttribute("result", result);
            return "public/organizations";
        });
    }
}
