package cn.minzheng.bench.load;

import java.time.Duration;
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
}
