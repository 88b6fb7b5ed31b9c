package cn.minzheng.gateway;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.embedded.FreePorts;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a loopback port serving the embedded issuer's public key set, and counting
 * how often the gateway asked for it.
 */
final class KeySetServer {

    private final AtomicInteger fetches = new AtomicInteger();
    private final DisposableServer server;

    KeySetServer() {
        this.server = HttpServer.create().host("127.0.0.1").port(FreePorts.find())
                .route(routes -> routes.get("/.well-known/jwks.json", (request, response) -> {
                    fetches.incrementAndGet();
                    String keys = EmbeddedInfra.shared().tokenIssuer().publicJwkSet().toString();
                    return response.header("Content-Type", "application/json").sendString(Mono.just(keys));
                }))
                .bindNow();
    }

    String uri() {
        return "http://127.0.0.1:" + server.port() + "/.well-known/jwks.json";
    }

    int fetches() {
        return fetches.get();
    }
}
