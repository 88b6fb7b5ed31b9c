package cn.minzheng.topology.run;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser on the machine compose runs on, as far as a login needs one: it follows no redirect by itself (each
 * hop is visible to the checks), keeps cookies per host and port, sends a {@code Secure} cookie only to https
 * or to {@code localhost} (as browsers treat localhost as a secure context), and reaches a port compose
 * publishes on the host ({@code localhost:8180} → keycloak:8080) at the address of the service's host, the way
 * the published port would forward it, with the Host header the browser sends ({@code localhost:8180}; the JVM
 * must allow it: {@code -Djdk.httpclient.allowRestrictedHeaders=host}, topology/run.sh).
 */
final class Browser {

    // HTTP/1.1 as browsers speak plain http (they never try an h2c upgrade; Keycloak answered one on a form POST
    // with RST_STREAM)
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: where it came from, its status, its Location (resolved) and its body. */
    record Page(String url, int status, String location, String body, List<String> setCookies) {
        boolean redirect() {
            return status >= 300 && status < 400 && location != null;
        }

        @Override
        public String toString() {
            String shown = body.length() > 400 ? body.substring(0, 400) + "…" : body;
            return status + " " + url + (location == null ? "" : " → " + location) + " " + shown;
        }
    }

    private final Map<String, String> published;
    private final Map<String, Map<String, Cookie>> jar = new HashMap<>();

    private record Cookie(String value, boolean secure) {
    }

    /** @param published host:port as users type it → host:port where the run reaches it */
    Browser(Map<String, String> published) {
        this.published = Map.copyOf(published);
    }

    Page get(String url) {
        return exchange(HttpRequest.newBuilder(target(url)).GET(), url);
    }

    Page postForm(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return exchange(HttpRequest.newBuilder(target(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), url);
    }

    /** Follows redirects from {@code page} (at most {@code hops}), returning every page on the way, the first included. */
    List<Page> follow(Page page, int hops) {
        List<Page> pages = new ArrayList<>(List.of(page));
        Page at = page;
        while (at.redirect() && pages.size() <= hops) {
            at = get(at.location());
            pages.add(at);
        }
        return pages;
    }

    /** The query parameters of {@code url}, decoded (the last value of a repeated one). */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                parameters.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The attributes the last Set-Cookie for {@code name} carried (lower case), or an empty string. */
    static String setCookie(List<Page> pages, String name) {
        String found = "";
        for (Page p : pages) {
            for (String header : p.setCookies()) {
                if (header.startsWith(name + "=")) {
                    found = header;
                }
            }
        }
        return found.toLowerCase(Locale.ROOT);
    }

    private URI target(String url) {
        URI logical = URI.create(url);
        String authority = logical.getHost() + ":" + port(logical);
        String reached = published.getOrDefault(authority, authority);
        return URI.create(logical.getScheme() + "://" + reached + logical.getRawPath()
                + (logical.getRawQuery() == null ? "" : "?" + logical.getRawQuery()));
    }

    private Page exchange(HttpRequest.Builder request, String url) {
        URI logical = URI.create(url);
        request.header("Host", logical.getRawAuthority());
        String cookies = cookiesFor(logical);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        request.header("Accept", "text/html,application/xhtml+xml").header("Accept-Language", "zh-CN,zh;q=0.9")
                .timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            List<String> set = response.headers().allValues("set-cookie");
            remember(logical, set);
            String location = response.headers().firstValue("location").map(l -> logical.resolve(l).toString()).orElse(null);
            return new Page(url, response.statusCode(), location, response.body(), set);
        } catch (IOException e) {
            return new Page(url, -1, null, e.toString(), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Page(url, -1, null, "interrupted", List.of());
        }
    }

    private String cookiesFor(URI logical) {
        boolean secureContext = logical.getScheme().equals("https") || logical.getHost().equals("localhost")
                || logical.getHost().equals("127.0.0.1");
        return jar.getOrDefault(logical.getHost() + ":" + port(logical), Map.of()).entrySet().stream()
                .filter(e -> secureContext || !e.getValue().secure())
                .map(e -> e.getKey() + "=" + e.getValue().value())
                .collect(Collectors.joining("; "));
    }

    private void remember(URI logical, List<String> headers) {
        Map<String, Cookie> cookies = jar.computeIfAbsent(logical.getHost() + ":" + port(logical), k -> new LinkedHashMap<>());
        for (String header : headers) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean secure = false;
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                secure |= attribute.equals("secure");
                expired |= attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970") || attribute.startsWith("expires=thu, 01-jan-1970");
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, new Cookie(value, secure));
            }
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
    }
}
