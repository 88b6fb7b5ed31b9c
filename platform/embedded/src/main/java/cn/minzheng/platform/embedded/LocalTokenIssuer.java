package cn.minzheng.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local OAuth-style token issuer for the devstack and tests: RS256 JWTs with the claims of the
 * contract ({@code iss, aud, sub, name, roles, region, iat, exp}), the public key at
 * {@code GET /.well-known/jwks.json}, tokens from {@code POST /token} or {@link #mint}.
 *
 * <p>With {@link Builder#keyFile(Path)} the RSA key is generated once and kept in that file (a
 * private JWK), so tokens stay valid across restarts; without it the key lives in memory.
 */
public final class LocalTokenIssuer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalTokenIssuer.class);
    private static final int MAX_BODY_BYTES = 16 * 1024;
    /**
     * The {@code aud} every token carries unless the builder says otherwise: the audience the gateway and
     * the services require by default ({@code minzheng.security.audience}), as Keycloak's audience mapper
     * adds it to the realm's tokens.
     */
    public static final String PLATFORM_AUDIENCE = "minzheng-platform";

    private final int port;
    private final String issuer;
    private final Duration lifetime;
    private final Path keyFile;
    private final Clock clock;
    private final List<String> audience;
    private RSAKey key;
    private RSAKey foreignKey;
    private HttpServer server;
    private ExecutorService executor;

    private LocalTokenIssuer(Builder builder) {
        this.port = builder.port > 0 ? builder.port : FreePorts.find();
        this.issuer = builder.issuer != null ? builder.issuer : "http://127.0.0.1:" + port;
        this.lifetime = builder.lifetime;
        this.keyFile = builder.keyFile == null ? null : builder.keyFile.toAbsolutePath();
        this.clock = builder.clock;
        this.audience = List.copyOf(builder.audience);
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized LocalTokenIssuer start() {
        if (server != null) {
            return this;
        }
        key = loadOrCreateKey();
        HttpServer created;
        try {
            created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new IllegalStateException("token issuer cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "local-token-issuer");
            thread.setDaemon(true);
            return thread;
        });
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        created.start();
        server = created;
        log.info("token issuer {} listening on 127.0.0.1:{}", issuer, port);
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        executor = null;
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The {@code iss} claim of every token. */
    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + port + "/.well-known/jwks.json";
    }

    public String tokenUri() {
        return "http://127.0.0.1:" + port + "/token";
    }

    public Duration tokenLifetime() {
        return lifetime;
    }

    /** The public key set served at {@link #jwkSetUri()}. */
    public synchronized JWKSet publicJwkSet() {
        return new JWKSet(signingKey().toPublicJWK());
    }

    /** A valid token for the given person. {@code region} may be {@code null}. */
    public String mint(String subject, String name, List<String> roles, String region) {
        return sign(signingKey(), claims(subject, name, roles, region, clock.instant(), lifetime));
    }

    /**
     * A valid token with the given {@code aud} instead of the issuer's: an empty list leaves the claim out.
     * For negative tests (a token issued to another audience, or to none).
     */
    public String mintForAudience(String subject, String name, List<String> roles, String region, List<String> aud) {
        return sign(signingKey(), claims(subject, name, roles, region, clock.instant(), lifetime, aud));
    }

    /** The {@code aud} of every token this issuer mints. */
    public List<String> audience() {
        return audience;
    }

    /** A token issued and expired an hour ago — otherwise valid — for negative tests. */
    public String mintExpired(String subject, String name, List<String> roles, String region) {
        Instant issuedAt = clock.instant().minus(Duration.ofHours(1)).minus(lifetime);
        return sign(signingKey(), claims(subject, name, roles, region, issuedAt, lifetime));
    }

    /**
     * A token with the right claims and key id but signed by another RSA key, as a forger would
     * make it: verification against the JWK set must fail.
     */
    public synchronized String mintWithForeignKey(String subject, String name, List<String> roles, String region) {
        if (foreignKey == null) {
            foreignKey = generateKey(signingKey().getKeyID());
        }
        return sign(foreignKey, claims(subject, name, roles, region, clock.instant(), lifetime));
    }

    /** A token for one of the {@link DemoUser#all() demo users}. */
    public String mint(DemoUser user) {
        return mint(user.subject(), user.name(), user.roles(), user.region());
    }

    /** The demo people ({@link DemoUser#all()}): citizen, 乡镇 clerk, county approver, … of 421303. */
    public static List<DemoUser> demoUsers() {
        return DemoUser.all();
    }

    /** Demo users with a fresh token each. */
    public Map<DemoUser, String> demoTokens() {
        Map<DemoUser, String> tokens = new LinkedHashMap<>();
        for (DemoUser user : DemoUser.all()) {
            tokens.put(user, mint(user));
        }
        return tokens;
    }

    /**
     * Writes the demo users and their tokens as JSON:
     * {@code {"issuer":…, "users":{"citizen":{"sub","name","roles","region","access_token"},…}}}.
     */
    public void writeDemoTokens(Path file) {
        Map<String, Object> users = new LinkedHashMap<>();
        demoTokens().forEach((user, token) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sub", user.subject());
            entry.put("name", user.name());
            entry.put("roles", user.roles());
            entry.put("region", user.region());
            entry.put("access_token", token);
            users.put(user.key(), entry);
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("expires_in", lifetime.toSeconds());
        document.put("users", users);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, JSONObjectUtils.toJSONString(document), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The signing key, private part included (loaded from or created in the key file at first use): for a
     * server that issues tokens beside this issuer's and must sign with the same key (the devstack's
     * identity server). Never served: {@link #publicJwkSet()} is the public half.
     */
    public synchronized RSAKey signingKey() {
        if (key == null) {
            key = loadOrCreateKey();
        }
        return key;
    }

    private JWTClaimsSet claims(String subject, String name, List<String> roles, String region,
                                Instant issuedAt, Duration validFor) {
        return claims(subject, name, roles, region, issuedAt, validFor, audience);
    }

    private JWTClaimsSet claims(String subject, String name, List<String> roles, String region,
                                Instant issuedAt, Duration validFor, List<String> aud) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("name", name)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(validFor)))
                .jwtID(UUID.randomUUID().toString());
        if (region != null) {
            claims.claim("region", region);
        }
        if (!aud.isEmpty()) {
            claims.audience(List.copyOf(aud));
        }
        return claims.build();
    }

    private static String sign(RSAKey signer, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signer.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(signer));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    private RSAKey loadOrCreateKey() {
        if (keyFile == null) {
            return generateKey(UUID.randomUUID().toString());
        }
        try {
            if (Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey created = generateKey(UUID.randomUUID().toString());
            if (keyFile.getParent() != null) {
                Files.createDirectories(keyFile.getParent());
            }
            Files.writeString(keyFile, created.toJSONString(), StandardCharsets.UTF_8);
            restrictToOwner(keyFile);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the issuer key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("issuer key file " + keyFile + " is not an RSA JWK; delete it to make a new key", e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the folder's permissions
        }
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(keyId)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestBody());
            respond(exchange, answer.status(), answer.contentType(), answer.body());
        } catch (RuntimeException e) {
            log.warn("token issuer failed on {}: {}", exchange.getRequestURI(), e.toString());
        }
    }

    /**
     * An answer of the scripted endpoints: its status, media type (without charset; the body is UTF-8)
     * and body.
     */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * What the scripted endpoints answer — {@code POST /token} (a JSON {@link TokenRequest}, at most 16 KB,
     * answered with {@code {access_token, token_type, expires_in}} or a problem naming the fields) and
     * {@code GET /.well-known/jwks.json} — for any method and path: this issuer's own HTTP server and
     * another server keeping the same endpoints (the devstack's identity server) answer alike.
     *
     * @param body the request body, read here up to the limit
     */
    public Answer answer(String method, String path, InputStream body) throws IOException {
        if (path.equals("/.well-known/jwks.json")) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return problem(path, 405, "Method Not Allowed", "METHOD_NOT_ALLOWED", "只支持 GET", List.of());
            }
            return new Answer(200, "application/json", JSONObjectUtils.toJSONString(publicJwkSet().toJSONObject(true)));
        } else if (path.equals("/token")) {
            if (!method.equals("POST")) {
                return problem(path, 405, "Method Not Allowed", "METHOD_NOT_ALLOWED", "只支持 POST", List.of());
            }
            return issueToken(path, body);
        }
        return problem(path, 404, "Not Found", "NOT_FOUND", "没有这个地址: " + path, List.of());
    }

    private Answer issueToken(String path, InputStream in) throws IOException {
        byte[] body;
        try (in) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return problem(path, 413, "Payload Too Large", "BODY_TOO_LARGE", "请求体不能超过 16 KB", List.of());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            return problem(path, 400, "Bad Request", "MALFORMED_JSON", "请求体必须是 JSON 对象", List.of());
        }
        TokenRequest request;
        try {
            request = TokenRequest.from(json);
        } catch (TokenRequest.InvalidTokenRequest e) {
            return problem(path, 400, "Bad Request", "INVALID_TOKEN_REQUEST", "令牌请求无效", e.errors());
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", request.audience() == null
                ? mint(request.subject(), request.name(), request.roles(), request.region())
                : mintForAudience(request.subject(), request.name(), request.roles(), request.region(), request.audience()));
        response.put("token_type", "Bearer");
        response.put("expires_in", lifetime.toSeconds());
        return new Answer(200, "application/json", JSONObjectUtils.toJSONString(response));
    }

    private static Answer problem(String path, int status, String title, String code, String detail,
                                  List<TokenRequest.FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", path);
        problem.put("code", code);
        List<Map<String, Object>> fieldErrors = new ArrayList<>();
        for (TokenRequest.FieldError error : errors) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pointer", error.pointer());
            entry.put("code", error.code());
            entry.put("message", error.message());
            fieldErrors.add(entry);
        }
        problem.put("errors", fieldErrors);
        return new Answer(status, "application/problem+json", JSONObjectUtils.toJSONString(problem));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + ";charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Runs the issuer as its own process: {@code --port 9000 --data DIR [--issuer URL]}. The key is
     * kept in {@code DIR/issuer-key.json}; the demo users' tokens are written to
     * {@code DIR/tokens.json}.
     */
    public static void main(String[] args) throws InterruptedException {
        MainArguments arguments = MainArguments.parse(args);
        int port = arguments.intValue("port", 9000);
        Path dataDir = arguments.path("data", Path.of(".devstack", "issuer"));
        LocalTokenIssuer issuer = builder()
                .port(port)
                .issuer(arguments.string("issuer", "http://localhost:" + port))
                .keyFile(dataDir.resolve("issuer-key.json"))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::stop, "local-token-issuer-stop"));
        MainArguments.startOrExit("LocalTokenIssuer", issuer::start);
        Path tokens = dataDir.resolve("tokens.json");
        issuer.writeDemoTokens(tokens);
        System.out.println("token issuer " + issuer.issuer() + " ready; JWKS " + issuer.jwkSetUri()
                + "; demo tokens in " + tokens.toAbsolutePath());
        new CountDownLatch(1).await();
    }

    public static final class Builder {
        private int port;
        private String issuer;
        private Duration lifetime = Duration.ofHours(8);
        private Path keyFile;
        private Clock clock = Clock.systemUTC();
        private List<String> audience = List.of(PLATFORM_AUDIENCE);

        private Builder() {
        }

        /** The {@code aud} claim of every token; {@link LocalTokenIssuer#PLATFORM_AUDIENCE} when not set, none when empty. */
        public Builder audience(List<String> audience) {
            this.audience = List.copyOf(audience);
            return this;
        }

        /** Port on 127.0.0.1; a free one when not set. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The {@code iss} claim; {@code http://127.0.0.1:<port>} when not set. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** How long a token is valid; 8 hours when not set. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("token lifetime must be positive");
            }
            this.lifetime = lifetime;
            return this;
        }

        /** File keeping the RSA key (a private JWK); created on first start. */
        public Builder keyFile(Path keyFile) {
            this.keyFile = keyFile;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public LocalTokenIssuer build() {
            return new LocalTokenIssuer(this);
        }
    }
}
