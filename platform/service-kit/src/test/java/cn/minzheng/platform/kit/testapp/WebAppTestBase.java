package cn.minzheng.platform.kit.testapp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Starts the test service on a random loopback port with the shared token issuer; one context for all subclasses. */
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "minzheng.security.public-paths=/test/**",
                "spring.http.codecs.max-in-memory-size=4KB",
                "spring.kafka.bootstrap-servers=127.0.0.1:1",
                "spring.mongodb.uri=mongodb://127.0.0.1:1/kit"
        })
public abstract class WebAppTestBase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void issuerProperties(DynamicPropertyRegistry registry) {
        registry.add("minzheng.security.jwk-set-uri", () -> TestInfra.issuer().jwkSetUri());
        registry.add("minzheng.security.issuer", () -> TestInfra.issuer().issuer());
    }

    protected WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
