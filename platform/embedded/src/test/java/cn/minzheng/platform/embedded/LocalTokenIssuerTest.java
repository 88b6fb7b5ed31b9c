package cn.minzheng.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalTokenIssuerTest {

    static LocalTokenIssuer issuer;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        issuer = LocalTokenIssuer.builder().build().start();
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    /** Verifies like a resource server does: keys fetched from the JWKS URL, RS256, issuer and expiry checked. */
    static JWTClaimsSet verify(LocalTokenIssuer against, String token) throws Exception {
        // nimbus' default 500 ms HTTP time-outs are too short for a busy 2-core build machine
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(against.jwkSetUri()),
                new com.nimbusds.jose.util.DefaultResourceRetriever(10_000, 10_000)).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(against.issuer()).build(),
                java.util.Set.of("sub", "iat", "exp", "roles", "name")));
        return processor.process(token, null);
    }

    @Test
    void jwksIsServedAsPublicKeysOnly() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuer.jwkSetUri())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JWKSet set = JWKSet.parse(response.body());
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().get(0).isPrivate()).isFalse();
        assertThat(response.body()).doesNotContain("\"d\"");
    }

    @Test
    void tokenFromHttpEndpointVerifiesAndCarriesTheContractClaims() throws Exception {
        HttpResponse<String> response = postToken("""
                {"sub":"u-1","name":"张三","roles":["CLERK","APPROVER"],"region":"421303001"}""");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 8L * 3600);
        JWTClaimsSet claims = verify(issuer, (String) body.get("access_token"));
        assertThat(claims.getSubject()).isEqualTo("u-1");
        assertThat(claims.getStringClaim("name")).isEqualTo("张三");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CLERK", "APPROVER");
        assertThat(claims.getStringClaim("region")).isEqualTo("421303001");
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:" + issuer.port());
        assertThat(claims.getAudience()).containsExactly(LocalTokenIssuer.PLATFORM_AUDIENCE);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(8L * 3600 * 1000);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "'{\"name\":\"x\",\"roles\":[\"CLERK\"]}'            | 400 | /sub",
            "'{\"sub\":\"  \",\"roles\":[\"CLERK\"]}'            | 400 | /sub",
            "'{\"sub\":\"u\",\"roles\":[]}'                      | 400 | /roles",
            "'{\"sub\":\"u\"}'                                   | 400 | /roles",
            "'{\"sub\":\"u\",\"roles\":[\"CLERK\",\"KING\"]}'    | 400 | /roles/1",
            "'{\"sub\":\"u\",\"roles\":[\"CLERK\"],\"region\":\"Hubei\"}' | 400 | /region",
            "'{\"sub\":\"u\",\"roles\":[\"CLERK\"],\"name\":7}'  | 400 | /name",
            "'{\"sub\":\"u\",\"roles\":[\"CLERK\"],\"aud\":\"x\"}' | 400 | /aud",
            "'{\"sub\":\"u\",\"roles\":[\"CLERK\"],\"aud\":[\"\"]}' | 400 | /aud",
            "'not json'                                          | 400 | ''",
            "'[1,2]'                                             | 400 | ''",
    })
    void badRequestsGetProblemDetails(String body, int status, String pointer) throws Exception {
        HttpResponse<String> response = postToken(body);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        Map<String, Object> problem = JSONObjectUtils.parse(response.body());
        assertThat(problem).containsEntry("status", (long) status).containsKeys("type", "title", "detail", "code", "errors");
        if (!pointer.isEmpty()) {
            assertThat(JSONObjectUtils.getJSONObjectArray(problem, "errors")).extracting(e -> e.get("pointer")).contains(pointer);
        }
    }

    @ParameterizedTest
    @CsvSource({"GET, /token, 405", "POST, /.well-known/jwks.json, 405", "GET, /nothing, 404"})
    void wrongMethodOrPathIsAProblem(String method, String path, int status) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + issuer.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "aud {0}")
    @CsvSource(delimiter = '|', value = {"'[\"other-app\"]' | other-app", "'[]' | ''"})
    void theHttpEndpointMintsAnotherAudienceOrNoneWhenAsked(String aud, String expected) throws Exception {
        HttpResponse<String> response = postToken("{\"sub\":\"u-aud\",\"roles\":[\"CLERK\"],\"aud\":" + aud + "}");

        assertThat(response.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = verify(issuer, (String) JSONObjectUtils.parse(response.body()).get("access_token"));
        assertThat(claims.getAudience()).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsMintedOnlyWhenAsked() throws Exception {
        assertThat(verify(issuer, issuer.mintForAudience("u", "u", List.of("CITIZEN"), null, List.of("other-app")))
                .getAudience()).containsExactly("other-app");
        assertThat(verify(issuer, issuer.mintForAudience("u", "u", List.of("CITIZEN"), null, List.of())).getAudience())
                .isEmpty();
        assertThat(verify(issuer, issuer.mint("u", "u", List.of("CITIZEN"), null)).getAudience())
                .containsExactly("minzheng-platform");
    }

    @Test
    void expiredTokenIsRejected() {
        String token = issuer.mintExpired("u-2", "李四", List.of("CITIZEN"), null);

        assertThatThrownBy(() -> verify(issuer, token)).isInstanceOf(BadJOSEException.class).hasMessageContaining("xpired");
    }

    @Test
    void tokenSignedByAForeignKeyIsRejected() throws Exception {
        String forged = issuer.mintWithForeignKey("u-3", "王五", List.of("ADMIN"), "421303");

        assertThatThrownBy(() -> verify(issuer, forged)).isInstanceOf(BadJOSEException.class);
        assertThat(verify(issuer, issuer.mint("u-3", "王五", List.of("ADMIN"), "421303")).getSubject()).isEqualTo("u-3");
    }

    @Test
    void keyFileKeepsTokensValidAcrossRestarts(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("issuer-key.json");
        String token;
        int port;
        try (LocalTokenIssuer first = LocalTokenIssuer.builder().keyFile(keyFile).issuer("http://localhost:9000").build().start()) {
            token = first.mint("u-4", "赵六", List.of("AUDITOR"), "421303");
            port = first.port();
        }
        assertThat(keyFile).exists();

        try (LocalTokenIssuer second = LocalTokenIssuer.builder().port(port).keyFile(keyFile)
                .issuer("http://localhost:9000").build().start()) {
            assertThat(verify(second, token).getIssuer()).isEqualTo("http://localhost:9000");
        }
        try (LocalTokenIssuer otherKey = LocalTokenIssuer.builder().issuer("http://localhost:9000").build().start()) {
            assertThatThrownBy(() -> verify(otherKey, token)).isInstanceOf(BadJOSEException.class);
        }
    }

    @Test
    void demoTokensAreWrittenForEveryDemoUserAndVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.json");
        issuer.writeDemoTokens(file);

        Map<String, Object> document = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
        Map<String, Object> users = JSONObjectUtils.getJSONObject(document, "users");
        assertThat(users.keySet()).containsExactly("citizen", "clerk", "approver", "registrar", "inspector",
                "legalReviewer", "auditor", "orgAgent", "admin");
        for (DemoUser user : DemoUser.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) users.get(user.key());
            JWTClaimsSet claims = verify(issuer, (String) entry.get("access_token"));
            assertThat(claims.getSubject()).isEqualTo(user.subject());
            assertThat(claims.getStringListClaim("roles")).isEqualTo(user.roles());
            assertThat(claims.getStringClaim("region")).isEqualTo(user.region());
        }
    }

    @Test
    void demoUsersShareOneCountyWithTheClerkInOneOfItsTownships() {
        Map<String, DemoUser> byKey = new java.util.HashMap<>();
        DemoUser.all().forEach(u -> byKey.put(u.key(), u));

        assertThat(byKey.get("approver").region()).isEqualTo("421303");
        assertThat(byKey.get("clerk").region()).hasSize(9).startsWith("421303");
        assertThat(byKey.get("citizen").region()).startsWith(byKey.get("clerk").region());
        assertThat(DemoUser.all()).flatExtracting(DemoUser::roles).containsExactlyInAnyOrderElementsOf(TokenRequest.ROLES);
        assertThat(DemoUser.all()).extracting(DemoUser::subject).doesNotHaveDuplicates();
    }

    @Test
    void lifetimeIsConfigurable() throws Exception {
        try (LocalTokenIssuer shortLived = LocalTokenIssuer.builder().tokenLifetime(Duration.ofMinutes(5)).build().start()) {
            JWTClaimsSet claims = verify(shortLived, shortLived.mint("u", "u", List.of("CITIZEN"), null));
            assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(5 * 60 * 1000L);
            assertThat(claims.getClaim("region")).isNull();
        }
    }

    private static HttpResponse<String> postToken(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(issuer.tokenUri()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
