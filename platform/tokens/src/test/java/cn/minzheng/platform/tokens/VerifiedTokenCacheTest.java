package cn.minzheng.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * The verified-token cache checks a signature once per token, and refuses exactly what the full check
 * refuses: an expired token after it was cached, a token for another audience or issuer every time,
 * and it stays within its size.
 */
class VerifiedTokenCacheTest {

    static final String ISSUER = "http://issuer.test";
    static final String AUDIENCE = "minzheng-platform";
    static final KeyPair KEYS = keys();
    static final KeyPair OTHER_KEYS = keys();

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T08:00:00Z"));
    final OAuth2TokenValidator<Jwt> validator = validator(clock);
    final AtomicInteger fullChecks = new AtomicInteger();

    ReactiveJwtDecoder full() {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        nimbus.setJwtValidator(validator);
        return token -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    VerifiedTokenCache cache(int maxEntries, Duration maxAge) {
        return new VerifiedTokenCache(full(), validator, clock, maxEntries, maxAge);
    }

    @Test
    void aVerifiedTokenIsNotCheckedInFullAgain() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(600));
        Jwt first = cache.decode(token).block();
        Jwt second = cache.decode(token).block();
        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void aTokenThatExpiredAfterItWasCachedIsRefused() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String token = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(120));
        assertThat(cache.decode(token).block()).isNotNull();
        // past exp and past the validator's 60 s clock skew: the full check would refuse it too
        clock.advance(Duration.ofSeconds(181));
        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtException.class);
        assertThat(cache.size()).isZero();
    }

    /** Within the clock skew after exp, the cache answers as the full check does: both accept. */
    @Test
    void aCachedTokenIsReValidatedWithTheSameRulesOnEveryHit() {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String token = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(120));
        cache.decode(token).block();
        clock.advance(Duration.ofSeconds(119));
        assertThat(cache.decode(token).block()).isNotNull();
        assertThat(fullChecks).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        // exp reached: the entry is gone, the full check decides (still inside its 60 s skew)
        assertThat(cache.decode(token).block()).isNotNull();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedEveryTimeAndNeverCached() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String ours = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(600));
        String theirs = token(KEYS, "another-application", ISSUER, clock.instant().plusSeconds(600));
        cache.decode(ours).block();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> cache.decode(theirs).block()).isInstanceOf(JwtException.class)
                    .hasMessageContaining("aud");
        }
        assertThat(fullChecks).hasValue(4);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void refusalsAreNeverCached() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String foreignSigned = token(OTHER_KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(600));
        String foreignIssuer = token(KEYS, AUDIENCE, "http://elsewhere.test", clock.instant().plusSeconds(600));
        String expired = token(KEYS, AUDIENCE, ISSUER, clock.instant().minusSeconds(3600));
        for (String bad : List.of(foreignSigned, foreignIssuer, expired, foreignSigned, "not-a-jwt")) {
            assertThatThrownBy(() -> cache.decode(bad).block()).isInstanceOf(JwtException.class);
        }
        assertThat(fullChecks).hasValue(5);
        assertThat(cache.size()).isZero();
    }

    /** A delegate failing once (e.g. the key set could not be fetched) is tried again next time. */
    @Test
    void aFailedCheckIsTriedAgain() {
        AtomicReference<Boolean> failNext = new AtomicReference<>(true);
        ReactiveJwtDecoder real = full();
        ReactiveJwtDecoder flaky = t -> failNext.getAndSet(false) ? Mono.error(new JwtException("key set unavailable")) : real.decode(t);
        VerifiedTokenCache cache = new VerifiedTokenCache(flaky, validator, clock, 10, Duration.ofMinutes(5));
        String token = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(600));
        assertThatThrownBy(() -> cache.decode(token).block()).hasMessageContaining("key set unavailable");
        assertThat(cache.decode(token).block()).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void noEntryOutlivesTheMaxAge() {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(3600));
        cache.decode(token).block();
        clock.advance(Duration.ofMinutes(5));
        cache.decode(token).block();
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void theCacheStaysWithinItsSize() {
        int max = 20;
        VerifiedTokenCache cache = cache(max, Duration.ofMinutes(5));
        List<String> tokens = java.util.stream.IntStream.range(0, 75)
                .mapToObj(i -> token(KEYS, AUDIENCE, ISSUER, clock.instant().plusSeconds(600))).toList();
        for (String t : tokens) {
            assertThat(cache.decode(t).block()).isNotNull();
            assertThat(cache.size()).isLessThanOrEqualTo(max);
        }
        // the last token is remembered; every token is still accepted after its eviction
        int before = fullChecks.get();
        cache.decode(tokens.get(tokens.size() - 1)).block();
        assertThat(fullChecks).hasValue(before);
        tokens.forEach(t -> assertThat(cache.decode(t).block()).isNotNull());
        assertThat(cache.size()).isLessThanOrEqualTo(max);
    }

    @Test
    void sizeAndAgeMustBeSensible() {
        assertThatThrownBy(() -> cache(0, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    static OAuth2TokenValidator<Jwt> validator(Clock clock) {
        JwtTimestampValidator times = new JwtTimestampValidator();
        times.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(times, new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)));
    }

    static String token(KeyPair keys, String audience, String issuer, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("clerk-" + UUID.randomUUID()).issuer(issuer)
                    .audience(audience).jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires))
                    .claim("roles", List.of("CLERK")).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
