package cn.minzheng.platform.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A {@link ReactiveJwtDecoder} that remembers tokens it has verified, so the RSA signature of a token
 * is checked once, not on every request (issue 20: 30 % of a service's CPU under C1 was
 * {@code BigInteger.implMulAdd}).
 *
 * <p>What it does not weaken:
 * <ul>
 *   <li>Only a token the delegate accepted (signature, issuer, audience, times) is remembered; a
 *       refusal is never cached, so a bad token costs a full check every time.</li>
 *   <li>On every hit the same validator the delegate runs (issuer, audience, {@code exp}/{@code nbf}
 *       with the same clock skew) runs again on the remembered claims, with the current time: a token
 *       that expired after it was cached is refused as it would be without the cache.</li>
 *   <li>An entry lives until the token's {@code exp}, and never longer than {@code maxAge}: a key the
 *       issuer withdrew stops admitting its cached tokens within {@code maxAge} (the key set itself is
 *       cached for minutes by the decoder, so this adds no longer window than that).</li>
 *   <li>A token without {@code exp} is not cached.</li>
 * </ul>
 * The key is the SHA-256 of the whole compact token: another token (another {@code jti}, audience or
 * signature) is another key. At most {@code maxEntries} entries: expired ones are dropped first, then
 * arbitrary ones (a flood of distinct valid tokens costs their checks, not memory).
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Jwt jwt, Instant until) {
    }

    /**
     * @param delegate   the full check (signature, then {@code validator})
     * @param validator  the validator the delegate runs after the signature; run again on every hit
     * @param clock      when an entry is too old
     * @param maxEntries most tokens remembered (at least 1)
     * @param maxAge     longest an entry is used, whatever the token's {@code exp} (positive)
     */
    public VerifiedTokenCache(ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Clock clock,
                              int maxEntries, Duration maxAge) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the verified-token cache needs room for at least 1 token, was " + maxEntries);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the verified-token cache's max age must be positive, was " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        if (token == null) {
            return delegate.decode(null);
        }
        String key = key(token);
        Entry entry = entries.get(key);
        Instant now = clock.instant();
        if (entry != null) {
            if (now.isBefore(entry.until())) {
                OAuth2TokenValidatorResult result = validator.validate(entry.jwt());
                if (!result.hasErrors()) {
                    return Mono.just(entry.jwt());
                }
                entries.remove(key, entry);
                return Mono.error(new JwtValidationException(result.getErrors().iterator().next().getDescription(),
                        result.getErrors()));
            }
            entries.remove(key, entry);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(key, jwt));
    }

    /** Tokens remembered now (for tests and the metrics). */
    public int size() {
        return entries.size();
    }

    private void remember(String key, Jwt jwt) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return;
        }
        Instant now = clock.instant();
        Instant until = expires.isBefore(now.plus(maxAge)) ? expires : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            makeRoom(now);
        }
        entries.put(key, new Entry(jwt, until));
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.until()));
        Iterator<String> keys = entries.keySet().iterator();
        // leave a tenth free, so a full cache does not scan on every new token
        int target = Math.max(0, maxEntries - Math.max(1, maxEntries / 10));
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new BadJwtException("SHA-256 is not available: " + e.getMessage(), e);
        }
    }
}
