package cn.minzheng.bench.load;

import cn.minzheng.bench.cost.Components;
import cn.minzheng.bench.cost.CostSheet;
import cn.minzheng.bench.cost.CpuSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fixed concurrency: {@code clients} callers, each sending its next request as soon as the last
 * one is answered, through a warm-up and then a measured window.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * @param call one request; emits the HTTP status (errors count as "no answer")
     */
    public static LoadRun run(int clients, Duration warmup, Duration window, Supplier<Mono<Integer>> call) {
        long start = System.nanoTime();
        long windowStart = start + warmup.toNanos();
        long end = windowStart + window.toNanos();
        WindowRecorder recorder = new WindowRecorder(windowStart, end);
        Flux.range(0, clients)
                .flatMap(client -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return call.get().onErrorReturn(-1)
                            .doOnNext(status -> recorder.record(t0, System.nanoTime(), status));
                }).repeat(() -> System.nanoTime() < end).then(), clients)
                .blockLast();
        return recorder.result();
    }

    /**
     * Like {@link #run}, but the window opens when the throughput is steady ({@link Warmup}), and the
     * components' CPU time is read at the window's start and end.
     */
    public static SteadyRun measure(int clients, Warmup warmup, Duration window, Components components,
            Supplier<Mono<Integer>> call) {
        WindowRecorder recorder = WindowRecorder.deferred(window);
        AtomicLong end = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<CpuSnapshot> before = new AtomicReference<>();
        AtomicReference<CpuSnapshot> after = new AtomicReference<>();
        AtomicReference<Warmup.Outcome> outcome = new AtomicReference<>();
        long start = System.nanoTime();
        Thread pacer = new Thread(() -> {
            List<Double> rates = new ArrayList<>();
            long step = warmup.step().toNanos();
            long last = recorder.completedOk();
            long at = start;
            boolean steady;
            while (true) {
                at += step;
                parkUntil(at);
                long now = recorder.completedOk();
                rates.add((now - last) / (step / 1e9));
                last = now;
                long elapsed = at - start;
                steady = elapsed >= warmup.minimum().toNanos() && warmup.steady(rates);
                if (steady || elapsed >= warmup.maximum().toNanos()) {
                    break;
                }
            }
            outcome.set(new Warmup.Outcome(Duration.ofNanos(System.nanoTime() - start), steady, rates));
            before.set(components.sample());
            long windowEnd = recorder.open(System.nanoTime());
            end.set(windowEnd);
            parkUntil(windowEnd);
            after.set(components.sample());
        }, "bench-warmup");
        pacer.setDaemon(true);
        pacer.start();
        Flux.range(0, clients)
                .flatMap(client -> Mono.defer(() -> {
                    long t0 = System.nanoTime();
                    return call.get().onErrorReturn(-1)
                            .doOnNext(status -> recorder.record(t0, System.nanoTime(), status));
                }).repeat(() -> System.nanoTime() < end.get()).then(), clients)
                .blockLast();
        try {
            pacer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        LoadRun load = recorder.result();
        return new SteadyRun(load, outcome.get(), CostSheet.between(before.get(), after.get(), load.ok(), load.windowSeconds()));
    }

    private static void parkUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
