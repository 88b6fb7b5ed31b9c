package cn.minzheng.gateway.client;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which address a request comes from. The TCP peer, unless the peer is one of the configured trusted
 * proxies: then the forwarding header the proxies write is read from the right (the entry the nearest
 * proxy appended) leftwards, past every further trusted proxy, and the first address that is not a
 * trusted proxy is the client. Anything a client wrote further left is never reached. An entry that is
 * not an IP literal ({@code unknown}, an obfuscated {@code _name}, garbage) ends the walk at the last
 * trusted hop. Plain Java.
 */
public final class ClientAddressResolver {

    /** The header the trusted proxies maintain. Only that one is read: a proxy passes the other one through untouched. */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    private final List<AddressRange> trustedProxies;
    private final Header header;

    public ClientAddressResolver(List<AddressRange> trustedProxies, Header header) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.header = header;
    }

    public Header header() {
        return header;
    }

    /**
     * @param peer the TCP peer
     * @param headerLines every line of {@link #header()} in the request, in order (may be empty)
     */
    public InetAddress resolve(InetAddress peer, List<String> headerLines) {
        if (!trusted(peer) || headerLines == null || headerLines.isEmpty()) {
            return peer;
        }
        List<String> hops = header == Header.FORWARDED ? forwardedFor(headerLines) : commaSeparated(headerLines);
        InetAddress nearest = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = AddressRange.IpLiteral.parse(stripPort(hops.get(i)));
            if (hop.isEmpty()) {
                return nearest;
            }
            if (!trusted(hop.get())) {
                return hop.get();
            }
            nearest = hop.get();
        }
        return nearest;
    }

    /** Whether {@code peer} is one of the trusted proxies (whose forwarding headers are believed). */
    public boolean trusts(InetAddress peer) {
        return trusted(peer);
    }

    private boolean trusted(InetAddress address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> commaSeparated(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String part : line.split(",", -1)) {
                hops.add(part.trim());
            }
        }
        return hops;
    }

    /** RFC 7239: {@code for=192.0.2.60;proto=http, for="[2001:db8:cafe::17]:4711"}; an element without {@code for} is a hop we cannot name. */
    private static List<String> forwardedFor(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : splitOutsideQuotes(line, ',')) {
                String forValue = "";
                for (String pair : splitOutsideQuotes(element, ';')) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                        forValue = unquote(pair.substring(eq + 1).trim());
                    }
                }
                hops.add(forValue);
            }
        }
        return hops;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [v6]:port} → v6, {@code [v6]} → v6, {@code v4:port} → v4; a bare IPv6 address is left alone. */
    static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            return close < 0 ? "" : hop.substring(1, close);
        }
        int colon = hop.indexOf(':');
        if (colon >= 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0) {
            return hop.substring(0, colon);
        }
        return hop;
    }
}
