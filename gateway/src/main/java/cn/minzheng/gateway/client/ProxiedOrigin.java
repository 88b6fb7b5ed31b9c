package cn.minzheng.gateway.client;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/**
 * The scheme, host and port a browser used, as a trusted proxy (the county's TLS reverse proxy) forwarded them in
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host} and {@code X-Forwarded-Port} — the first value of each, the
 * one the proxy nearest the browser wrote. Read only from a peer in
 * {@code minzheng.gateway.client-address.trusted-proxies}; values of an unexpected form are not taken.
 *
 * @param proto {@code http} or {@code https}, or {@code null} when not forwarded
 * @param host  a host name or address with an optional port, or {@code null}
 * @param port  a port number, or {@code null}
 */
public record ProxiedOrigin(String proto, String host, String port) {

    /** Exchange attribute holding the origin of a request that came through a trusted proxy. */
    public static final String ATTRIBUTE = ProxiedOrigin.class.getName();

    private static final Pattern PROTO = Pattern.compile("https?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    /** What the headers forward, if anything of an accepted form. */
    public static Optional<ProxiedOrigin> of(HttpHeaders headers) {
        String proto = first(headers, "X-Forwarded-Proto", PROTO);
        String host = first(headers, "X-Forwarded-Host", HOST);
        String port = first(headers, "X-Forwarded-Port", PORT);
        return proto == null && host == null && port == null ? Optional.empty() : Optional.of(new ProxiedOrigin(proto, host, port));
    }

    private static String first(HttpHeaders headers, String name, Pattern form) {
        String line = headers.getFirst(name);
        if (line == null) {
            return null;
        }
        String value = line.split(",", 2)[0].trim();
        return form.matcher(value).matches() ? value : null;
    }
}
