package cn.minzheng.systemtests.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.minzheng.systemtests.platform.Platform;

/**
 * Real tokens from the local issuer ({@code POST http://127.0.0.1:9000/token}), one per person and
 * roles, cached. The issuer puts the platform's audience ({@code aud}) in every token it mints.
 */
public final class Tokens {

    private final Gateway issuer;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Tokens(Platform platform) {
        this.issuer = new Gateway(platform.issuerUrl());
    }

    /** A token for {@code sub} with one role; {@code region} may be null (a citizen without one). */
    public String of(String sub, String role, String region) {
        return of(sub, List.of(role), region);
    }

    /** A token for {@code sub} holding every role of {@code roles} (e.g. CITIZEN and APPROVER at once). */
    public String of(String sub, List<String> roles, String region) {
        return cache.computeIfAbsent(sub + "|" + String.join(",", roles) + "|" + region, k -> mint(sub, roles, region));
    }

    /**
     * A token like {@link #of} but naming {@code audience} instead of the platform's (an empty list:
     * no aud at all) — a token the same issuer minted for another application (issue 14 item 7).
     */
    public String forAudience(String sub, String role, String region, List<String> audience) {
        return mint(sub, List.of(role), region, audience);
    }

    private String mint(String sub, List<String> roles, String region) {
        return mint(sub, roles, region, null);
    }

    private String mint(String sub, List<String> roles, String region, List<String> audience) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("sub", sub);
        request.put("name", "测试" + sub);
        request.put("roles", List.copyOf(roles));
        if (region != null) {
            request.put("region", region);
        }
        if (audience != null) {
            request.put("aud", List.copyOf(audience));
        }
        Answer answer = issuer.post("/token").json(request).send();
        String token = answer.text("access_token");
        if (answer.status() != 200 || token == null) {
            throw new IllegalStateException("the token issuer refused " + request + ": " + answer);
        }
        return token;
    }
}
