package cn.minzheng.gateway.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.problems.type-base}: where the {@code type} URIs of problems live, the same property
 * and default as the services' (service kit {@code ProblemProperties}), so one setting names a domain the
 * operator controls for the whole platform. The gateway's types are {@code <base>gateway/<kind>}.
 */
@ConfigurationProperties("minzheng.problems")
public record ProblemTypeBase(String typeBase) {

    public static final String DEFAULT = "https://minzheng.example/problems/";

    public ProblemTypeBase {
        typeBase = typeBase == null || typeBase.isBlank() ? DEFAULT : typeBase.trim();
        typeBase = typeBase.endsWith("/") ? typeBase : typeBase + "/";
    }
}
