package cn.minzheng.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadinessTest {

    @ParameterizedTest(name = "{0} {1} -> ready={2}")
    @CsvSource(delimiter = '|', value = {
            "200 | {\"status\":\"UP\"}                          | true",
            "503 | {\"status\":\"DOWN\"}                        | false",
            "404 | ''                                          | false",
    })
    void httpReadinessIsA200AndNamesTheLastOtherAnswer(int status, String body, boolean ready) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            Readiness readiness = Readiness.tcp(server.getAddress().getPort())
                    .and(Readiness.actuatorHealth(server.getAddress().getPort()));

            assertThat(readiness.isReady()).isEqualTo(ready);
            assertThat(readiness.lastObservation()).contains("/actuator/health → " + status);
            if (!ready) {
                assertThat(readiness.lastObservation()).contains(body);
            }
        } finally {
            server.stop(0);
        }
    }

    @org.junit.jupiter.api.Test
    void nothingListeningIsNotReady() {
        int port = cn.minzheng.platform.embedded.FreePorts.find();
        Readiness readiness = Readiness.tcp(port).and(Readiness.actuatorHealth(port));

        assertThat(readiness.isReady()).isFalse();
        assertThat(readiness.lastObservation()).isEmpty();
        assertThat(readiness.description()).isEqualTo("port " + port + " open and /actuator/health UP");
    }
}
