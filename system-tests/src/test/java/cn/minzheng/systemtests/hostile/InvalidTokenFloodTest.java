package cn.minzheng.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Json;
import cn.minzheng.systemtests.gateway.RawClient;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 5, before authentication: a client floods the gateway with garbage and forged tokens
 * (unknown key ids among them). The flood is refused with 429 before any token is read — a valid token
 * from that address is refused too while it floods, one from another address is not; the key set is
 * not fetched again per unknown {@code kid}; and the whole flood costs the trail one folded security
 * record per kind and minute, whose counts add up to exactly the requests refused (nothing lost, nothing
 * counted twice). A second client writes an {@code X-Forwarded-For}/{@code Forwarded} naming a new
 * address on every request: the devstack's gateway trusts no proxy, so the client stays its TCP peer —
 * limited as one, recorded as one, the forged addresses nowhere in the trail.
 *
 * <p>Both clients are loopback addresses drawn from the printed seed ({@code -Dsystem.seed=} replays
 * it), so their buckets are theirs alone and no other test shares them.
 */
@Tag("hostile")
@Order(23)
class InvalidTokenFloodTest {

    static final String UNAUTHORIZED = "minzheng.gateway.security.unauthorized.v1";
    static final String RATE_LIMITED = "minzheng.gateway.security.rate-limited.v1";
    static final String PATH = Cases.APPLICATIONS + "/mine";
    static final int FLOOD = 60;
    static final int SPOOFED = 30;
    /** "60 × reason; reason (first .. last)": the count a folded record carries in its reason. */
    static final Pattern COUNT = Pattern.compile("^(\\d+) × ");

    @Test
    void aFloodOfBadTokensIsLimitedBeforeAuthenticationAndCostsTheTrailABoundedNumberOfRecords() {
        long seed = Long.getLong("system.seed", System.nanoTime());
        System.out.println("[InvalidTokenFloodTest] seed " + seed + " (replay: -Dsystem.seed=" + seed + ")");
        Random random = new Random(seed);
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        // security events of callers without a valid token carry the national region code
        Trail trail = new Trail(gateway, tokens.of("flood-auditor", "AUDITOR", "100000"));
        String flooder = loopback(random, Set.of());
        String spoofer = loopback(random, Set.of(flooder));
        RawClient fromFlooder = new RawClient(flooder, platform.ports().gateway());
        RawClient fromSpoofer = new RawClient(spoofer, platform.ports().gateway());
        String valid = tokens.of("flood-citizen-" + UUID.randomUUID().toString().substring(0, 8), "CITIZEN", Households.TOWNSHIP);
        assertThat(records(trail, flooder)).as("records of " + flooder + " before the flood").isEmpty();
        assertThat(records(trail, spoofer)).as("records of " + spoofer + " before the flood").isEmpty();
        int securityRecordsBefore = trail.records("type=" + UNAUTHORIZED).size() + trail.records("type=" + RATE_LIMITED).size();
        double keySetFetchesBefore = keySetFetches(platform);

        Instant floodStarted = Instant.now();
        Tally flood = new Tally();
        for (int i = 0; i < FLOOD; i++) {
            String token = i % 2 == 0 ? forgedWithUnknownKid(random, platform.issuerUrl()) : garbage(random);
            flood.add(fromFlooder.send("GET", PATH, Map.of("Authorization", "Bearer " + token), null));
            RunSummary.hostileInputTried();
        }
        // while its address floods, even a valid token from there is refused without being read ...
        Answer validFromFlooder = fromFlooder.send("GET", PATH, Map.of("Authorization", "Bearer " + valid), null);
        flood.add(validFromFlooder);
        // ... and one from another address is not
        Answer validElsewhere = gateway.get(PATH).token(valid).send();
        Tally spoofed = new Tally();
        Set<String> forgedAddresses = new HashSet<>();
        for (int i = 0; i < SPOOFED; i++) {
            String forged = (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            forgedAddresses.add(forged);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + garbage(random));
            headers.put(i % 2 == 0 ? "X-Forwarded-For" : "Forwarded", i % 2 == 0 ? forged : "for=" + forged);
            spoofed.add(fromSpoofer.send("GET", PATH, headers, null));
            RunSummary.hostileInputTried();
        }
        Instant floodEnded = Instant.now();
        double keySetFetchesAfter = keySetFetches(platform);
        System.out.printf("[InvalidTokenFloodTest] %s: %s; %s (X-Forwarded-For/Forwarded): %s; %.1f s; key-set fetches %.0f → %.0f%n",
                flooder, flood, spoofer, spoofed, Duration.between(floodStarted, floodEnded).toMillis() / 1000.0,
                keySetFetchesBefore, keySetFetchesAfter);

        assertThat(flood.other).as("answers other than 401/429 problems to the flood").isEmpty();
        assertThat(flood.limited).as("429 GATEWAY_TOO_MANY_INVALID_TOKENS, before the token is read").isGreaterThan(FLOOD / 2);
        assertThat(validFromFlooder.status()).as("a valid token from the flooding address: " + validFromFlooder).isEqualTo(429);
        assertThat(validElsewhere.status()).as("a valid token from another address: " + validElsewhere).isEqualTo(200);
        long cooldowns = Math.max(1, Duration.between(floodStarted, floodEnded).toSeconds() / 10 + 1);
        assertThat(keySetFetchesAfter - keySetFetchesBefore).as("key-set fetches for " + FLOOD / 2 + " unknown kids")
                .isLessThanOrEqualTo(cooldowns + 1);
        assertThat(spoofed.other).as("answers other than 401/429 problems to the spoofer").isEmpty();
        assertThat(spoofed.limited).as("the spoofer is limited as one client: its forwarding headers are not read")
                .isGreaterThan(0);

        // each window of a minute is sent when it ends; the trail gets it a moment later
        long windows = Duration.between(minuteOf(floodStarted), minuteOf(floodEnded)).toMinutes() + 1;
        Map<String, Integer> counted = new LinkedHashMap<>();
        await("the folded security records of " + flooder + " and " + spoofer + " in the trail")
                .atMost(Duration.ofSeconds(75 + 60 * windows)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                    counted.clear();
                    counted.put(flooder + " 401", sum(trail, flooder, UNAUTHORIZED));
                    counted.put(flooder + " 429", sum(trail, flooder, RATE_LIMITED));
                    counted.put(spoofer + " 401", sum(trail, spoofer, UNAUTHORIZED));
                    counted.put(spoofer + " 429", sum(trail, spoofer, RATE_LIMITED));
                    return counted.get(flooder + " 401") >= flood.unauthorized && counted.get(flooder + " 429") >= flood.limited
                            && counted.get(spoofer + " 401") >= spoofed.unauthorized && counted.get(spoofer + " 429") >= spoofed.limited;
                });
        List<JsonNode> flooderRecords = records(trail, flooder);
        List<JsonNode> spooferRecords = records(trail, spoofer);
        int refused = flood.unauthorized + flood.limited + spoofed.unauthorized + spoofed.limited;
        int inTrail = counted.values().stream().mapToInt(Integer::intValue).sum();
        RunSummary.records(refused, Math.max(0, refused - inTrail), Math.max(0, inTrail - refused));
        System.out.printf("[InvalidTokenFloodTest] refusals counted in the trail %s in %d + %d records%n", counted,
                flooderRecords.size(), spooferRecords.size());

        assertThat(counted).as("refusals counted by the trail's folded records").containsExactlyInAnyOrderEntriesOf(Map.of(
                flooder + " 401", flood.unauthorized, flooder + " 429", flood.limited,
                spoofer + " 401", spoofed.unauthorized, spoofer + " 429", spoofed.limited));
        assertThat(flooderRecords).as(FLOOD + 1 + " refusals of " + flooder + " in at most one record per kind and minute")
                .hasSizeLessThanOrEqualTo((int) (2 * windows));
        assertThat(spooferRecords).as(SPOOFED + " refusals of " + spoofer + " in at most one record per kind and minute")
                .hasSizeLessThanOrEqualTo((int) (2 * windows));
        for (String forged : forgedAddresses) {
            assertThat(records(trail, forged)).as("records under the forged address " + forged).isEmpty();
        }
        int securityRecordsAfter = trail.records("type=" + UNAUTHORIZED).size() + trail.records("type=" + RATE_LIMITED).size();
        assertThat(securityRecordsAfter - securityRecordsBefore).as("security records the " + (FLOOD + SPOOFED)
                + " bad tokens added to the trail (other clients' windows included)").isLessThan((FLOOD + SPOOFED) / 4);
    }

    /** 401 and 429 answers; anything else is kept to be shown. */
    static final class Tally {
        int unauthorized;
        int limited;
        final List<String> other = new ArrayList<>();

        void add(Answer a) {
            if (a.status() == 401 && a.isProblem()) {
                unauthorized++;
            } else if (a.status() == 429 && a.isProblem() && "GATEWAY_TOO_MANY_INVALID_TOKENS".equals(a.text("code"))
                    && a.headers().firstValue("retry-after").isPresent()) {
                limited++;
            } else {
                other.add(a.toString());
            }
        }

        @Override
        public String toString() {
            return unauthorized + " × 401, " + limited + " × 429" + (other.isEmpty() ? "" : ", " + other.size() + " other");
        }
    }

    private static List<JsonNode> records(Trail trail, String address) {
        return trail.records("subject=" + Trail.encode("ip:" + address));
    }

    /** The refusals the trail's folded records of {@code type} count for the address. */
    private static int sum(Trail trail, String address, String type) {
        int total = 0;
        for (JsonNode r : trail.records("type=" + type + "&subject=" + Trail.encode("ip:" + address))) {
            Matcher m = COUNT.matcher(r.path("reason").asString(""));
            total += m.find() ? Integer.parseInt(m.group(1)) : 1;
        }
        return total;
    }

    private static Instant minuteOf(Instant t) {
        return Instant.ofEpochSecond(t.getEpochSecond() / 60 * 60);
    }

    /** The gateway's own count of key-set fetches ({@code gateway_jwks_fetches_total{outcome="fetched"}}). */
    private static double keySetFetches(Platform platform) {
        Answer scrape = new Gateway("http://127.0.0.1:" + platform.ports().gateway()).get("/actuator/prometheus").send();
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        return scrape.body().lines().filter(l -> l.startsWith("gateway_jwks_fetches_total{") && l.contains("outcome=\"fetched\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** A loopback address other than 127.0.0.1 and {@code taken}. */
    private static String loopback(Random random, Set<String> taken) {
        while (true) {
            String a = "127." + (1 + random.nextInt(254)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
            if (!taken.contains(a)) {
                return a;
            }
        }
    }

    /** A well-formed RS256 JWT claiming ADMIN everywhere, under a key id the issuer never used, signed with noise. */
    private static String forgedWithUnknownKid(Random random, String issuer) {
        Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", new UUID(random.nextLong(), random.nextLong()).toString());
        Map<String, Object> claims = Map.of("iss", issuer, "sub", "attacker", "roles", List.of("ADMIN"), "region", "1",
                "exp", Instant.now().plusSeconds(600).getEpochSecond());
        byte[] signature = new byte[256];
        random.nextBytes(signature);
        return b64(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "." + b64(Json.write(claims).getBytes(StandardCharsets.UTF_8))
                + "." + b64(signature);
    }

    /** Not a JWT at all: random bytes, a truncated or unsigned token, an empty segment. */
    private static String garbage(Random random) {
        byte[] bytes = new byte[8 + random.nextInt(120)];
        random.nextBytes(bytes);
        return switch (random.nextInt(4)) {
            case 0 -> b64(bytes);
            case 1 -> b64("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + b64(bytes) + ".";
            case 2 -> b64(bytes) + "." + b64(bytes);
            default -> "eyJ" + b64(bytes) + ".." + b64(bytes);
        };
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
