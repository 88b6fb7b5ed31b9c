package cn.minzheng.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * One {@link TokenBucket} per client key, in memory (one gateway instance = one set of buckets;
 * with several instances each enforces the limit on the traffic it sees). Buckets that are full
 * and idle are dropped so the map does not grow with every address ever seen.
 */
public final class ClientBuckets {

    private final long capacity;
    private final long refillTokens;
    private final long refillPeriodNanos;
    private final int maxClients;
    private final LongSupplier clock;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public ClientBuckets(long capacity, long refillTokens, long refillPeriodNanos, int maxClients, LongSupplier nanoClock) {
        new TokenBucket(capacity, refillTokens, refillPeriodNanos, 0L); // validates the figures
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriodNanos = refillPeriodNanos;
        this.maxClients = maxClients;
        this.clock = nanoClock;
    }

    public TokenBucket.Outcome tryTake(String clientKey) {
        long now = clock.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(clientKey)) {
            evictIdle(now);
        }
        return buckets.computeIfAbsent(clientKey, key -> new TokenBucket(capacity, refillTokens, refillPeriodNanos, now))
                .tryTake(now);
    }

    /** Returns a token to the client's bucket, if it still has one. */
    public void giveBack(String clientKey) {
        TokenBucket bucket = buckets.get(clientKey);
        if (bucket != null) {
            bucket.giveBack(clock.getAsLong());
        }
    }

    /** Forgets buckets that have refilled completely: their clients start again with a full bucket anyway. */
    public void evictIdle(long nowNanos) {
        buckets.entrySet().removeIf(entry -> entry.getValue().idleSince(nowNanos, refillPeriodNanos));
    }

    public int size() {
        return buckets.size();
    }
}
