package cn.minzheng.assistance.web;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A stand-in 核对 platform on loopback: answers, answers slowly, or fails, as a test says. */
final class FakeCheckPlatform {
    enum Mode { OK, SLOW, ERROR }

    static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.OK);
    static final AtomicInteger CALLS = new AtomicInteger();
    private static HttpServer server;

    private FakeCheckPlatform() {
    }

    static synchronized String baseUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fake-check-platform");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/checks", exchange -> {
                CALLS.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                Mode mode = MODE.get();
                try {
                    if (mode == Mode.SLOW) {
                        Thread.sleep(2_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] body = (mode == Mode.ERROR ? "{\"error\":\"down\"}"
                        : "{\"summary\":\"税务、社保、不动产均无记录\",\"incomeConfirmed\":true,\"supporterAble\":false}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(mode == Mode.ERROR ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
