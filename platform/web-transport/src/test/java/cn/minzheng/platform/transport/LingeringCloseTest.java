package cn.minzheng.platform.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real Reactor Netty server that answers 413 with {@code Connection: close} without reading the
 * body, as a server does for a body declared over its drain limit. A client that goes on writing the
 * whole 1.2 MB body reads the complete answer and then end of stream — not a reset, which is what a
 * plain close gives it when the unread bytes reach a closed socket.
 */
class LingeringCloseTest {

    static final int DECLARED = 1_200_000;
    static DisposableServer server;

    @BeforeAll
    static void start() {
        HttpServer plain = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> response.status(413).header("Connection", "close")
                        .header("Content-Type", "text/plain").sendString(Mono.just("body too large: send at most 1 MB")));
        server = LingeringClose.onEveryConnection(Duration.ofSeconds(2)).apply(plain).bindNow();
    }

    @AfterAll
    static void stop() {
        server.disposeNow();
    }

    @RepeatedTest(5)
    void aClientStillWritingItsBodyReadsTheWholeAnswerAndThenTheEnd() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /applications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + DECLARED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[16 * 1024];
                try {
                    for (int sent = 0; sent < DECLARED; sent += chunk.length) {
                        out.write(chunk, 0, Math.min(chunk.length, DECLARED - sent));
                    }
                    out.flush();
                } catch (IOException stoppedByTheServer) {
                    // the server may close for good once it has lingered; what matters is the answer read below
                }
            });
            String answer = readToEnd(socket.getInputStream());
            writer.get(15, TimeUnit.SECONDS);
            assertThat(answer).startsWith("HTTP/1.1 413").endsWith("body too large: send at most 1 MB");
            assertThat(answer.lines().takeWhile(line -> !line.isEmpty())).anyMatch(line -> line.equalsIgnoreCase("connection: close"));
        }
    }

    /** Everything up to the server's FIN; a reset before it fails the test. */
    static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
