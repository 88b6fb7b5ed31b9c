package cn.minzheng.console;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every page test of the console shares: the console against one stub of the gateway (a real HTTP server on
 * a loopback port, emptied before each test), a web client through its security chain, and a signed-in user of a
 * role. One stub for all page test classes, so they share one Spring context; it stops with the test JVM.
 */
@SpringBootTest(properties = {"eureka.client.enabled=false", "spring.cloud.discovery.enabled=false",
        "minzheng.console.api-timeout=PT20S"})
abstract class ConsolePageTestSupport {

    static final StubApi STUB = StubApi.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(STUB::close, "stub-gateway-stop"));
    }

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("minzheng.console.api-base", STUB::base);
        // discovery is never reached in these tests (the mock login brings its own registration)
        registry.add("minzheng.console.issuer-uri", () -> "http://127.0.0.1:1");
    }

    @Autowired
    ApplicationContext context;
    WebTestClient web;

    @BeforeEach
    void setUpWeb() {
        STUB.reset();
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                // a shared, busy 2-core machine: the first render of a template can take seconds
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A signed-in user of the role; the mock login's access token is {@code access-token}. */
    static OidcLoginMutator as(String role, String unused) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("minzheng")
                .clientId("console").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/console/login/oauth2/code/{registrationId}")
                .authorizationUri("http://127.0.0.1:1/oauth2/authorize").tokenUri("http://127.0.0.1:1/oauth2/token")
                .build();
        return mockOidcLogin().clientRegistration(registration)
                .idToken(t -> t.subject(role.toLowerCase() + "-1").claim("name", "测试" + role).claim("region", "421303"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
