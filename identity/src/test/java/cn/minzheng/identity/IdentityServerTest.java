package cn.minzheng.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.platform.embedded.DemoUser;
import cn.minzheng.platform.embedded.LocalTokenIssuer;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity server over real HTTP: the old issuer's scripted endpoints answer as before, and the
 * console's authorization code flow with PKCE yields tokens the gateway accepts, carrying the demo
 * user's claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServerTest {

    static final String ISSUER = "http://localhost:9000";
    static final String REDIRECT = "http://127.0.0.1:8080/console/login/oauth2/code/minzheng";
    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("identity-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("minzheng.identity.issuer", () -> ISSUER);
        registry.add("minzheng.identity.data-dir", DATA::toString);
        registry.add("minzheng.identity.console.redirect-uris", () -> REDIRECT);
        registry.add("minzheng.identity.console.post-logout-redirect-uris", () -> "http://127.0.0.1:8080/console/");
    }

    @LocalServerPort
    int port;

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** What the gateway and the services check (GatewaySecurity.jwtDecoder): RS256 from the key set, issuer, audience. */
    NimbusJwtDecoder gatewayDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base() + "/.well-known/jwks.json").build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(LocalTokenIssuer.PLATFORM_AUDIENCE))));
        return decoder;
    }

    @Test
    void theScriptedMintAnswersAsTheOldIssuerAndItsTokenPassesTheGatewaysChecks() throws Exception {
        Browser http = new Browser();
        HttpResponse<String> minted = http.postJson(base() + "/token",
                "{\"sub\":\"u-1\",\"name\":\"张三\",\"roles\":[\"CITIZEN\"],\"region\":\"421303\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        assertThat(minted.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        Map<String, Object> body = JSONObjectUtils.parse(minted.body());
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 28800L);

        Jwt jwt = gatewayDecoder().decode((String) body.get("access_token"));
        assertThat(jwt.getSubject()).isEqualTo("u-1");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("张三");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CITIZEN");
        assertThat(jwt.getClaimAsString("region")).isEqualTo("421303");
        assertThat(jwt.getAudience()).containsExactly(LocalTokenIssuer.PLATFORM_AUDIENCE);

        // the key set served is the one kept in the old issuer's key file, which every start reuses
        JWKSet served = JWKSet.parse(http.get(base() + "/.well-known/jwks.json").body());
        JWKSet fromFile = LocalTokenIssuer.builder().keyFile(DATA.resolve("issuer-key.json")).build().publicJwkSet();
        assertThat(served.toString()).isEqualTo(fromFile.toString());
        assertThat(served.getKeys().get(0).isPrivate()).isFalse();

        // the demo users' tokens were written at start, as before
        Map<String, Object> tokens = JSONObjectUtils.parse(Files.readString(DATA.resolve("tokens.json"), StandardCharsets.UTF_8));
        assertThat(tokens).containsEntry("issuer", ISSUER);
        Map<String, Object> users = JSONObjectUtils.getJSONObject(tokens, "users");
        assertThat(users.keySet()).containsExactlyElementsOf(DemoUser.all().stream().map(DemoUser::key).toList());
        Jwt clerk = gatewayDecoder().decode((String) ((Map<?, ?>) users.get("clerk")).get("access_token"));
        assertThat(clerk.getSubject()).isEqualTo("clerk-421303001-01");
    }

    @Test
    void theScriptedMintRefusesBadRequestsWithTheOldProblems() throws Exception {
        Browser http = new Browser();
        HttpResponse<String> invalid = http.postJson(base() + "/token", "{\"roles\":[\"KING\"],\"region\":\"x\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Map<String, Object> problem = JSONObjectUtils.parse(invalid.body());
        assertThat(problem).containsEntry("code", "INVALID_TOKEN_REQUEST").containsEntry("instance", "/token");
        assertThat(invalid.body()).contains("\"/sub\"", "\"/roles/0\"", "\"/region\"", "sub 必填");

        HttpResponse<String> malformed = http.postJson(base() + "/token", "not json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("MALFORMED_JSON");

        HttpResponse<String> wrongMethod = http.get(base() + "/token");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("只支持 POST");
    }

    @Test
    void theConsolesCodeFlowWithPkceYieldsTokensWithTheDemoUsersClaims() throws Exception {
        DemoUser clerk = DemoUser.all().stream().filter(u -> u.key().equals("clerk")).findFirst().orElseThrow();
        Browser browser = new Browser();
        String verifier = verifier();
        Map<String, String> flow = login(browser, "clerk", DemoUsers.PASSWORD, challenge(verifier), REDIRECT);
        assertThat(flow).containsEntry("state", "st-1").containsKey("code");

        HttpResponse<String> token = browser.postForm(base() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", flow.get("code"), "redirect_uri", REDIRECT,
                "client_id", "console", "code_verifier", verifier));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Map<String, Object> tokens = JSONObjectUtils.parse(token.body());

        Jwt access = gatewayDecoder().decode((String) tokens.get("access_token"));
        assertThat(access.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(access.getSubject()).isEqualTo(clerk.subject());
        assertThat(access.getClaimAsString("name")).isEqualTo(clerk.name());
        assertThat(access.getClaimAsStringList("roles")).containsExactlyElementsOf(clerk.roles());
        assertThat(access.getClaimAsString("region")).isEqualTo(clerk.region());
        assertThat(access.getAudience()).containsExactly(LocalTokenIssuer.PLATFORM_AUDIENCE);

        Jwt id = gatewayDecoder().decode((String) tokens.get("id_token"));
        assertThat(id.getSubject()).isEqualTo(clerk.subject());
        assertThat(id.getAudience()).contains("console", LocalTokenIssuer.PLATFORM_AUDIENCE);
        assertThat(id.getClaimAsStringList("roles")).containsExactlyElementsOf(clerk.roles());

        HttpResponse<String> userInfo = browser.getWithBearer(base() + "/userinfo", (String) tokens.get("access_token"));
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(userInfo.body())).containsEntry("sub", clerk.subject());

        // the code is used once; a second exchange is refused
        HttpResponse<String> again = browser.postForm(base() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", flow.get("code"), "redirect_uri", REDIRECT,
                "client_id", "console", "code_verifier", verifier));
        assertThat(again.statusCode()).isEqualTo(400);
    }

    /** OIDC RP-initiated logout: back to the console's start page, and the next login asks for the password again. */
    @Test
    void logoutEndsTheLoginSessionAndReturnsToTheConsole() throws Exception {
        Browser browser = new Browser();
        String verifier = verifier();
        Map<String, String> flow = login(browser, "approver", DemoUsers.PASSWORD, challenge(verifier), REDIRECT);
        HttpResponse<String> token = browser.postForm(base() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", flow.get("code"), "redirect_uri", REDIRECT,
                "client_id", "console", "code_verifier", verifier));
        String idToken = (String) JSONObjectUtils.parse(token.body()).get("id_token");

        // still logged in: a new authorization goes straight back with a code
        HttpResponse<String> silent = browser.get(authorizeUrl(challenge(verifier()), REDIRECT));
        assertThat(Browser.location(silent)).startsWith(REDIRECT).contains("code=");

        HttpResponse<String> logout = browser.get(base() + "/connect/logout?" + Browser.encode(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "http://127.0.0.1:8080/console/", "state", "bye")));
        assertThat(logout.statusCode()).as(logout.body()).isEqualTo(302);
        assertThat(Browser.location(logout)).startsWith("http://127.0.0.1:8080/console/");

        HttpResponse<String> afterwards = browser.get(authorizeUrl(challenge(verifier()), REDIRECT));
        assertThat(Browser.location(afterwards)).as("logged out: the login page again").endsWith("/login");
    }

    @Test
    void aWrongVerifierGetsNoToken() throws Exception {
        Browser browser = new Browser();
        Map<String, String> flow = login(browser, "citizen", DemoUsers.PASSWORD, challenge(verifier()), REDIRECT);
        HttpResponse<String> token = browser.postForm(base() + "/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", flow.get("code"), "redirect_uri", REDIRECT,
                "client_id", "console", "code_verifier", verifier()));
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> authorize = browser.get(base() + "/oauth2/authorize?response_type=code&client_id=console"
                + "&scope=openid%20profile&state=st-2&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        assertThat(authorize.statusCode()).isEqualTo(302);
        String location = Browser.location(authorize);
        assertThat(location).startsWith(REDIRECT);
        assertThat(Browser.query(location)).containsEntry("error", "invalid_request").doesNotContainKey("code");
        assertThat(Browser.query(location).get("error_description")).contains("code_challenge");
    }

    @Test
    void theLocalhostFormOfTheRedirectIsAcceptedToo() throws Exception {
        Browser browser = new Browser();
        String localhost = REDIRECT.replace("127.0.0.1", "localhost");
        Map<String, String> flow = login(browser, "auditor", DemoUsers.PASSWORD, challenge(verifier()), localhost);
        assertThat(flow).containsKey("code");
    }

    @Test
    void aWrongPasswordShowsTheChineseErrorAndNoCode() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge(verifier()), REDIRECT));
        assertThat(authorize.statusCode()).isEqualTo(302);
        HttpResponse<String> page = browser.get(Browser.location(authorize));
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> posted = browser.postForm(base() + "/login", Map.of(
                "username", "citizen", "password", "wrong", "_csrf", Browser.csrf(page.body())));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(Browser.location(posted)).endsWith("/login?error");
        HttpResponse<String> again = browser.get(Browser.location(posted));
        assertThat(again.body()).contains("用户名或密码不正确", "role=\"alert\"");
    }

    @Test
    void theLoginFormRefusesAPostWithoutItsCsrfToken() throws Exception {
        Browser browser = new Browser();
        browser.get(base() + "/login");
        HttpResponse<String> posted = browser.postForm(base() + "/login", Map.of("username", "citizen", "password", "demo"));
        assertThat(posted.statusCode()).isEqualTo(403);
    }

    @Test
    void theLoginPageIsChineseWithLabelledFieldsAndNothingFromOutside() throws Exception {
        HttpResponse<String> page = new Browser().get(base() + "/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("lang=\"zh-CN\"", "name=\"viewport\"", "<label for=\"username\">用户名</label>",
                "<label for=\"password\">密码</label>", "id=\"username\"", "id=\"password\"", "登录");
        assertThat(html).doesNotContain("http://", "https://", "<script");
        for (DemoUser user : DemoUser.all()) {
            assertThat(html).contains(">" + user.key() + "<");
        }
    }

    @Test
    void discoveryNamesTheIssuerTheEndpointsAndLogout() throws Exception {
        HttpResponse<String> discovery = new Browser().get(base() + "/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        Map<String, Object> metadata = JSONObjectUtils.parse(discovery.body());
        assertThat(metadata).containsEntry("issuer", ISSUER)
                .containsEntry("authorization_endpoint", ISSUER + "/oauth2/authorize")
                .containsEntry("token_endpoint", ISSUER + "/oauth2/token")
                .containsEntry("jwks_uri", ISSUER + "/oauth2/jwks")
                .containsEntry("end_session_endpoint", ISSUER + "/connect/logout");
        assertThat(JSONObjectUtils.getStringList(metadata, "code_challenge_methods_supported")).contains("S256");
    }

    /** authorize → login page → login (with its CSRF token) → authorize again → the redirect's parameters. */
    private Map<String, String> login(Browser browser, String username, String password, String challenge, String redirect)
            throws Exception {
        HttpResponse<String> authorize = browser.get(authorizeUrl(challenge, redirect));
        assertThat(authorize.statusCode()).as(authorize.body()).isEqualTo(302);
        String loginUrl = Browser.location(authorize);
        assertThat(loginUrl).as("not logged in: to the login page").endsWith("/login");
        HttpResponse<String> page = browser.get(loginUrl);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> posted = browser.postForm(base() + "/login", Map.of(
                "username", username, "password", password, "_csrf", Browser.csrf(page.body())));
        assertThat(posted.statusCode()).isEqualTo(302);
        String next = Browser.location(posted);
        assertThat(next).contains("/oauth2/authorize");
        HttpResponse<String> authorized = browser.get(next);
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        String back = Browser.location(authorized);
        assertThat(back).as("no consent page: straight back to the console").startsWith(redirect);
        return Browser.query(back);
    }

    private String authorizeUrl(String challenge, String redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "console");
        parameters.put("scope", "openid profile");
        parameters.put("state", "st-1");
        parameters.put("redirect_uri", redirect);
        parameters.put("code_challenge", challenge);
        parameters.put("code_challenge_method", "S256");
        parameters.put("nonce", "n-1");
        return base() + "/oauth2/authorize?" + Browser.encode(parameters);
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
