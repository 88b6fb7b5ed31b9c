package cn.minzheng.platform.kit.problem.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.problems.*}: the base of the {@code type} URIs and the service's own message
 * bundles (searched before the kit's; default {@code problems} → {@code problems_zh.properties}).
 */
@ConfigurationProperties("minzheng.problems")
public record ProblemProperties(String typeBase, List<String> bundles) {

    public ProblemProperties {
        typeBase = typeBase == null || typeBase.isBlank() ? "https://minzheng.example/problems/" : typeBase;
        bundles = bundles == null ? List.of("problems") : List.copyOf(bundles);
    }
}
