package cn.minzheng.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A check polled until a component is ready. Must not throw; "not yet" is {@code false}. */
@FunctionalInterface
public interface Readiness {

    Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    boolean isReady();

    /** What is being waited for, shown in progress lines. */
    default String description() {
        return "ready";
    }

    /** What the last probe saw, for the time-out message; empty when there is nothing to add. */
    default String lastObservation() {
        return "";
    }

    default Readiness and(Readiness other) {
        Readiness first = this;
        return new Readiness() {
            private Readiness failing = first;

            @Override
            public boolean isReady() {
                failing = first;
                if (!first.isReady()) {
                    return false;
                }
                failing = other;
                return other.isReady();
            }

            @Override
            public String description() {
                return first.description() + " and " + other.description();
            }

            @Override
            public String lastObservation() {
                return failing.lastObservation();
            }
        };
    }

    static Readiness described(String description, Readiness check) {
        return new Readiness() {
            @Override
            public boolean isReady() {
                return check.isReady();
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** Something accepts TCP connections on 127.0.0.1:port. */
    static Readiness tcp(int port) {
        return described("port " + port + " open", () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) PROBE_TIMEOUT.toMillis());
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The component's log contains a line with {@code marker} (the embedded main classes print "… ready …"). */
    static Readiness logContains(Path logFile, String marker) {
        return described("\"" + marker + "\" in its log", () -> {
            try {
                return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.UTF_8).contains(marker);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    /** {@code GET url} answers 200. Its last other answer is named when the wait times out. */
    static Readiness http200(String url, String description) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>("no answer yet");
        return new Readiness() {
            @Override
            public boolean isReady() {
                try {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(PROBE_TIMEOUT)
                            .header("Accept", "application/json").GET().build();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    String body = response.body().replaceAll("\\s+", " ");
                    last.set(response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
                    return response.statusCode() == 200;
                } catch (IOException e) {
                    last.set(e.getClass().getSimpleName());
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public String lastObservation() {
                return "GET " + url + " → " + last.get();
            }
        };
    }

    /** {@code GET /actuator/health} on the service answers 200 (status UP). */
    static Readiness actuatorHealth(int port) {
        return http200("http://127.0.0.1:" + port + "/actuator/health", "/actuator/health UP");
    }

    /** Eureka knows the application: {@code GET /eureka/apps/<NAME>} answers 200. */
    static Readiness registeredInEureka(int registryPort, String applicationName) {
        String app = applicationName.toUpperCase(java.util.Locale.ROOT);
        return http200("http://127.0.0.1:" + registryPort + "/eureka/apps/" + app, "registered in Eureka as " + app);
    }
}
