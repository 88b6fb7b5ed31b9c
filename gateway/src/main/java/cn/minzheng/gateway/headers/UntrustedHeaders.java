package cn.minzheng.gateway.headers;

import java.util.List;
import java.util.Locale;

/**
 * Which client-sent headers the gateway drops. Identity and origin are taken from the token and the
 * TCP connection only: a client that writes {@code X-User-Id: admin} or {@code X-Forwarded-For} must
 * not reach a service with it.
 */
public final class UntrustedHeaders {

    private final List<String> exactNames;
    private final List<String> prefixes;

    public UntrustedHeaders(List<String> exactNames, List<String> prefixes) {
        this.exactNames = exactNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        this.prefixes = prefixes.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** The set named in docs/contracts.md. */
    public static UntrustedHeaders standard() {
        return new UntrustedHeaders(
                List.of("Forwarded", "X-Roles", "X-Region", "X-Real-IP"),
                List.of("X-Forwarded-", "X-User-"));
    }

    public boolean isUntrusted(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        if (exactNames.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
