package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 item 5, over real HTTP: bad tokens meet a per-address limit before any token check; their
 * security events are folded per client and minute; an unknown {@code kid} costs at most one key-set
 * fetch per cool-down; a forwarding header names the client only when a trusted proxy wrote it. The
 * tests run with 60 invalid tokens per address (60 a minute), 127.0.0.1 as the trusted proxy, a 10 s
 * key-set cool-down and a clock that moves only when a test moves it.
 */
class BeforeAuthenticationTest extends GatewayTestSupport {

    private static final int LIMIT = 60;
    private static final String APPLICATIONS = "/api/v1/assistance/applications";
    private static final String UNAUTHORIZED = "minzheng.gateway.security.unauthorized.v1";
    private static final String RATE_LIMITED = "minzheng.gateway.security.rate-limited.v1";
    private static final String FORBIDDEN = "minzheng.gateway.security.forbidden.v1";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    @Test
    void aLoopOfGarbageTokensFromOneClientIs429AfterTheLimitAndCostsOneEventPerKindAndMinute() {
        String client = uniqueAddress();
        List<Integer> statuses = new ArrayList<>();
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < LIMIT + 30; i++) {
            EntityExchangeResult<byte[]> result = client().get().uri(APPLICATIONS)
                    .header("X-Forwarded-For", client)
                    .headers(h -> h.setBearerAuth("garbage-" + UUID.randomUUID()))
                    .exchange().expectBody().returnResult();
            statuses.add(result.getStatus().value());
            refused = result.getStatus().value() == 429 ? result : refused;
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, LIMIT + 30)).containsOnly(429);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isPositive();
        JsonNode problem = json(refused.getResponseBody());
        assertThat(problem.get("code").asString()).isEqualTo("GATEWAY_TOO_MANY_INVALID_TOKENS");
        assertThat(problem.get("detail").asString()).contains("重新登录").contains("秒后重试");

        // a genuine denial in the middle of the flood, from a caller with a valid token
        String citizen = "citizen-" + UUID.randomUUID();
        client().get().uri("/api/v1/audit/records")
                .header("X-Forwarded-For", uniqueAddress())
                .headers(h -> h.setBearerAuth(token(citizen, "CITIZEN")))
                .exchange().expectStatus().isForbidden();

        CLOCK.advance(Duration.ofSeconds(61));
        String key = "ip:" + client;
        List<EventEnvelope> seen = SecurityEventsOnKafka.readUntil(events -> {
            assertThat(SecurityEventsOnKafka.of(events, UNAUTHORIZED, key)).isNotEmpty();
            assertThat(SecurityEventsOnKafka.of(events, RATE_LIMITED, key)).isNotEmpty();
            assertThat(SecurityEventsOnKafka.of(events, FORBIDDEN, "sub:" + citizen)).isNotEmpty();
        });
        SecurityEventsOnKafka.exactlyOne(seen, UNAUTHORIZED, key);
        SecurityEventsOnKafka.exactlyOne(seen, RATE_LIMITED, key);
        EventEnvelope unauthorized = SecurityEventsOnKafka.of(seen, UNAUTHORIZED, key).get(0);
        EventEnvelope limited = SecurityEventsOnKafka.of(seen, RATE_LIMITED, key).get(0);
        assertThat(unauthorized.data().get("count").asLong()).isEqualTo(LIMIT);
        assertThat(limited.data().get("count").asLong()).isEqualTo(30);
        assertThat(unauthorized.data().get("reasons").size()).isBetween(1, 8);
        assertThat(Instant.parse(unauthorized.data().get("firstAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(unauthorized.data().get("lastAt").asString()));
        assertThat(unauthorized.data().get("path").asString()).isEqualTo(APPLICATIONS);
        for (EventEnvelope event : List.of(unauthorized, limited,
                SecurityEventsOnKafka.of(seen, FORBIDDEN, "sub:" + citizen).get(0))) {
            assertThat(EventSchemaValidator.shared().validate(event)).as(event.type()).isEmpty();
        }
    }

    @Test
    void validTokensFromAnAddressDoNotUseUpItsInvalidTokenBudget() {
        String client = uniqueAddress();
        for (int i = 0; i < LIMIT + 10; i++) {
            client().get().uri(APPLICATIONS)
                    .header("X-Forwarded-For", client)
                    .headers(h -> h.setBearerAuth(token("office-" + UUID.randomUUID(), "CITIZEN")))
                    .exchange().expectStatus().isOk();
        }
        // the budget is still whole: the first bad token from that address is checked (401), not refused
        client().get().uri(APPLICATIONS)
                .header("X-Forwarded-For", client)
                .headers(h -> h.setBearerAuth("garbage"))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownKeyIdsCauseAtMostOneKeySetFetchPerCooldown() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).generate();
        CLOCK.advance(Duration.ofSeconds(11));
        int before = KEY_SET.fetches();
        for (int i = 0; i < 25; i++) {
            unknownKid(forger).expectStatus().isUnauthorized();
        }
        assertThat(KEY_SET.fetches() - before).as("fetches for the first 25 unknown kids").isEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(9));
        for (int i = 0; i < 25; i++) {
            unknownKid(forger).expectStatus().isUnauthorized();
        }
        assertThat(KEY_SET.fetches() - before).as("still within the cool-down").isEqualTo(1);

        // valid tokens (known kid) keep working, without fetches
        client().get().uri(APPLICATIONS).headers(h -> h.setBearerAuth(token("kid-" + UUID.randomUUID(), "CITIZEN")))
                .exchange().expectStatus().isOk();

        CLOCK.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 25; i++) {
            unknownKid(forger).expectStatus().isUnauthorized();
        }
        assertThat(KEY_SET.fetches() - before).as("one more after the cool-down").isEqualTo(2);
    }

    @Test
    void xForwardedForNamesTheClientOnlyWhenATrustedProxySentIt() {
        // through the trusted proxy (127.0.0.1): each forwarded address has a budget of its own, and what
        // a client wrote left of the proxy's entry is not read
        String forwarded = uniqueAddress();
        for (int i = 0; i < LIMIT + 10; i++) {
            client().get().uri(APPLICATIONS)
                    .header("X-Forwarded-For", "203.0.113.7, " + (i == 0 ? forwarded : uniqueAddress()))
                    .headers(h -> h.setBearerAuth("garbage"))
                    .exchange().expectStatus().isUnauthorized();
        }

        // from a loopback address that is not a trusted proxy: the header is ignored, one budget for the peer
        String peer = "127." + (1 + NEXT_ADDRESS.get() % 250) + "." + ThreadLocalRandom.current().nextInt(256) + ".9";
        WebTestClient direct = WebTestClient.bindToServer(new ReactorClientHttpConnector(
                        HttpClient.create().bindAddress(() -> new InetSocketAddress(peer, 0))))
                .baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(15)).build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < LIMIT + 10; i++) {
            statuses.add(direct.get().uri(APPLICATIONS)
                    .header("X-Forwarded-For", uniqueAddress())
                    .headers(h -> h.setBearerAuth("garbage"))
                    .exchange().returnResult(byte[].class).getStatus().value());
        }
        assertThat(statuses.subList(0, LIMIT)).containsOnly(401);
        assertThat(statuses.subList(LIMIT, LIMIT + 10)).containsOnly(429);

        CLOCK.advance(Duration.ofSeconds(61));
        List<EventEnvelope> seen = SecurityEventsOnKafka.readUntil(events -> {
            assertThat(SecurityEventsOnKafka.of(events, UNAUTHORIZED, "ip:" + forwarded)).isNotEmpty();
            assertThat(SecurityEventsOnKafka.of(events, UNAUTHORIZED, "ip:" + peer)).isNotEmpty();
        });
        assertThat(SecurityEventsOnKafka.of(seen, UNAUTHORIZED, "ip:203.0.113.7")).isEmpty();
        assertThat(SecurityEventsOnKafka.of(seen, UNAUTHORIZED, "ip:" + peer).get(0).data().get("count").asLong())
                .isEqualTo(LIMIT);
    }

    private WebTestClient.ResponseSpec unknownKid(RSAKey forger) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("kid-" + UUID.randomUUID()).build(),
                new JWTClaimsSet.Builder().issuer(EmbeddedInfra.shared().issuer()).subject("forger")
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .claim("roles", List.of("ADMIN")).build());
        jwt.sign(new RSASSASigner(forger));
        String token = jwt.serialize();
        return client().get().uri(APPLICATIONS)
                .header("X-Forwarded-For", uniqueAddress())
                .headers(h -> h.setBearerAuth(token))
                .exchange();
    }

    /** An address of the benchmarking block 198.18.0.0/15, different for every call. */
    private static String uniqueAddress() {
        int n = NEXT_ADDRESS.incrementAndGet() & 0x1FFFF;
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
    }
}
