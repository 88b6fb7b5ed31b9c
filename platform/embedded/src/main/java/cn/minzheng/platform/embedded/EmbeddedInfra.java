package cn.minzheng.platform.embedded;

import java.util.List;

/**
 * One Kafka broker, one Mongo-wire server and one token issuer for the whole test JVM, each
 * started on first use and stopped by a shutdown hook. Typical use in a Spring Boot test:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infra(DynamicPropertyRegistry registry) {
 *     EmbeddedInfra infra = EmbeddedInfra.shared();
 *     registry.add("spring.kafka.bootstrap-servers", infra::bootstrapServers);
 *     registry.add("spring.mongodb.uri", () -> infra.mongoUri("assistance"));
 *     registry.add("minzheng.security.jwk-set-uri", infra::jwkSetUri);
 *     registry.add("minzheng.security.issuer", infra::issuer);
 * }
 * }</pre>
 *
 * Only what is asked for is started: a test that never calls {@link #bootstrapServers()} does
 * not pay for the broker.
 */
public final class EmbeddedInfra {

    private static final EmbeddedInfra SHARED = new EmbeddedInfra();

    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;

    /** System property that puts the shared in-memory store on the BSON store ({@code EmbeddedMongo.Builder#bsonStore}). */
    public static final String BSON_STORE_PROPERTY = "minzheng.embedded.mongo.bson";
    private LocalTokenIssuer issuer;

    private EmbeddedInfra() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "embedded-infra-stop"));
    }

    /** The instance shared by every test in this JVM. */
    public static EmbeddedInfra shared() {
        return SHARED;
    }

    /**
     * The broker, started on first use. A test may {@code stop()} it to simulate an outage; it
     * then stays down — nothing here restarts it behind the test's back — until the test calls
     * {@code restart()} (same port, same data). Restart it in {@code @AfterEach}/{@code finally}.
     */
    public synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.builder().build().start();
        }
        return kafka;
    }

    /** The Mongo-wire server (in memory), started if needed. */
    public synchronized EmbeddedMongo mongo() {
        if (mongo == null) {
            // -Dminzheng.embedded.mongo.bson=true: the tests on the BSON store (the devstack file's store)
            mongo = EmbeddedMongo.builder().bsonStore(Boolean.getBoolean(BSON_STORE_PROPERTY)).build().start();
        }
        return mongo;
    }

    /** The token issuer (in-memory key), started if needed. */
    public synchronized LocalTokenIssuer tokenIssuer() {
        if (issuer == null) {
            issuer = LocalTokenIssuer.builder().build().start();
        }
        return issuer;
    }

    /** Bootstrap address of the broker ({@code 127.0.0.1:<port>}); it does not change across restarts. */
    public String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    public String mongoUri() {
        return mongo().connectionString();
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}. Use a database per test class to keep tests apart. */
    public String mongoUri(String database) {
        return mongoUri() + "/" + database;
    }

    public String jwkSetUri() {
        return tokenIssuer().jwkSetUri();
    }

    /** The issuer claim ({@code minzheng.security.issuer}). */
    public String issuer() {
        return tokenIssuer().issuer();
    }

    /** A valid token. */
    public String mint(String subject, String name, List<String> roles, String region) {
        return tokenIssuer().mint(subject, name, roles, region);
    }

    /** A valid token for a demo user ({@link DemoUser#all()}). */
    public String mint(DemoUser user) {
        return tokenIssuer().mint(user);
    }

    private synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }
}
