package cn.minzheng.bench.load;

import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * Constant arrival rate: requests are due at fixed intervals whether or not earlier ones were
 * answered, and latency counts from when a request was due (no coordinated omission).
 */
public final class OpenLoop {

    private OpenLoop() {
    }

    /** One arrival: when it was due and whether it falls in the measured window. */
    public record Arrival(long index, long dueNanos, boolean measured) {
    }

    public static LoadRun run(double perSecond, Duration warmup, Duration window,
            Function<Arrival, reactor.core.publisher.Mono<Integer>> call) {
        long period = Math.max(1, Math.round(1e9 / perSecond));
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long end = windowStart + window.toNanos();
        long arrivals = (end - start) / period;
        WindowRecorder recorder = new WindowRecorder(windowStart, end + Duration.ofMinutes(10).toNanos());
        Flux.interval(Duration.ZERO, Duration.ofNanos(period)).take(arrivals)
                .flatMap(i -> {
                    long due = start + i * period;
                    return call.apply(new Arrival(i, due, due >= windowStart)).onErrorReturn(-1)
                            .doOnNext(status -> {
                                if (due >= windowStart) {
                                    recorder.record(due, System.nanoTime(), status);
                                }
                            });
                }, Integer.MAX_VALUE)
                .blockLast();
        LoadRun r = recorder.result();
        // the rate is what was offered; report the window length, not the drain time
        return new LoadRun(r.latencyMicros(), r.ok(), r.failures(), window.toNanos() / 1e9,
                java.util.Arrays.copyOf(r.okPerSecond(), (int) Math.max(1, window.toSeconds())), r.okTotal());
    }
}
