package cn.minzheng.systemtests.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.minzheng.systemtests.platform.Platform;

/**
 * The client every test drives the platform with: real HTTP to the gateway on 8080 (or another
 * base URL for the registry and the issuer). A 429 from the per-client rate limit is waited out
 * (its {@code Retry-After}) and sent again, as a well-behaved client would.
 */
public final class Gateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String base;

    public Gateway(String base) {
        this.base = base;
    }

    public static Gateway of(Platform platform) {
        return new Gateway(platform.gatewayUrl());
    }

    /** A request being built: token, headers, body. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        public Call json(Object value) {
            return raw("application/json", value instanceof String s ? s : Json.write(value));
        }

        public Call raw(String contentType, String text) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** The request as a line for failure messages: content type and the start of the body. */
        public String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " [" + headers.getOrDefault("Content-Type", "-") + "] "
                    + (text.length() > 160 ? text.substring(0, 100) + "…" + text.substring(text.length() - 260) : text);
        }

        public Answer send() {
            for (int attempt = 0; ; attempt++) {
                Answer answer = once();
                if (answer.status() != 429 || attempt >= 10) {
                    return answer;
                }
                long seconds = answer.headers().firstValue("retry-after").map(Long::parseLong).orElse(1L);
                pause(Duration.ofMillis(Math.max(200, seconds * 1000)));
            }
        }

        /** Sends once, answering a timeout or refused connection as status 0. */
        public Answer once() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
            headers.forEach(request::header);
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Answer(method, path, r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                return new Answer(method, path, 0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                        e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
