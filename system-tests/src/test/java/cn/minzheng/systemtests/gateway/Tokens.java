package cn.minzheng.systemtests.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.minzheng.systemtests.platform.Platform;

/** Real tokens from the local issuer ({@code POST http://127.0.0.1:9000/token}), one per person, cached. */
public final class Tokens {

    private final Gateway issuer;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public Tokens(Platform platform) {
        this.issuer = new Gateway(platform.issuerUrl());
    }

    /** A token for {@code sub} with one role; {@code region} may be null (a citizen without one). */
    public String of(String sub, String role, String region) {
        return cache.computeIfAbsent(sub + "|" + role + "|" + region, k -> mint(sub, role, region));
    }

    private String mint(String sub, String role, String region) {
        Map<String, Object> request = new java.util.LinkedHashMap<>();
        request.put("sub", sub);
        request.put("name", "测试" + sub);
        request.put("roles", java.util.List.of(role));
        if (region != null) {
            request.put("region", region);
        }
        Answer answer = issuer.post("/token").json(request).send();
        String token = answer.text("access_token");
        if (answer.status() != 200 || token == null) {
            throw new IllegalStateException("the token issuer refused " + request + ": " + answer);
        }
        return token;
    }
}
