package cn.minzheng.gateway.overload;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code max} requests in flight to one service from this gateway: a request beyond it is
 * refused at once instead of queueing behind the others (plain Java, no Spring).
 */
public final class InFlightLimit {

    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a concurrency limit must admit at least 1 request, was " + max);
        }
        this.max = max;
    }

    /** Takes a place if one is free; a {@code true} must be followed by exactly one {@link #release()}. */
    public boolean tryAcquire() {
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    public void release() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }
}
