package cn.minzheng.gateway.access;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's key set, fetched again for a key id it does not hold at most once per cool-down.
 * Spring Security's own remote key source refetches for every unknown {@code kid}, so a loop of
 * tokens with made-up key ids turned into a loop of requests to the issuer. Here a token whose
 * {@code kid} is unknown within the cool-down after the last fetch (successful or not) finds no key and
 * is a plain 401. Concurrent misses share one fetch. A rotation is picked up by the first token with
 * the new {@code kid} after the cool-down.
 */
public final class JwkSetCooldown implements Function<SignedJWT, Flux<JWK>> {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final Mono<JWKSet> download;
    private final Duration cooldown;
    private final Clock clock;
    private final Counter fetches;
    private final Counter refused;
    private volatile JWKSet known;
    private Instant lastFetch;
    private Mono<JWKSet> inFlight;

    public JwkSetCooldown(String jwkSetUri, Duration cooldown, Clock clock, MeterRegistry meters) {
        this.download = WebClient.create().get().uri(jwkSetUri).retrieve().bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(JwkSetCooldown::parse);
        this.cooldown = cooldown;
        this.clock = clock;
        this.fetches = Counter.builder("gateway.jwks.fetches").tag("outcome", "fetched")
                .description("Key set fetches from the issuer, and fetches skipped within the cool-down")
                .register(meters);
        this.refused = Counter.builder("gateway.jwks.fetches").tag("outcome", "cooling-down")
                .description("Key set fetches from the issuer, and fetches skipped within the cool-down")
                .register(meters);
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        JWKSet current = known;
        if (current != null) {
            List<JWK> keys = selector.select(current);
            if (!keys.isEmpty()) {
                return Flux.fromIterable(keys);
            }
        }
        return fetchUnlessCoolingDown().flatMapIterable(selector::select);
    }

    private synchronized Mono<JWKSet> fetchUnlessCoolingDown() {
        if (inFlight != null) {
            return inFlight;
        }
        Instant now = clock.instant();
        if (lastFetch != null && now.isBefore(lastFetch.plus(cooldown))) {
            refused.increment();
            return Mono.empty();
        }
        lastFetch = now;
        fetches.increment();
        Mono<JWKSet> fetch = download
                .doOnNext(set -> known = set)
                .doFinally(signal -> finished())
                .cache();
        inFlight = fetch;
        return fetch;
    }

    private synchronized void finished() {
        inFlight = null;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("the issuer's key set could not be read: " + e.getMessage(), e);
        }
    }
}
