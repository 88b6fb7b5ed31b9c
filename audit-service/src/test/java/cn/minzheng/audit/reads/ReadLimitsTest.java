package cn.minzheng.audit.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Per-kind permits and the time limit, driven by hand: work that never ends on its own, a deadline
 * the test fires — no clock, no sleeps.
 */
class ReadLimitsTest {

    private final ReadLimits limits = new ReadLimits(
            Map.of(ReadKind.VERIFY, 2, ReadKind.STATISTICS, 1, ReadKind.EXPORT, 1), Duration.ofSeconds(60),
            Duration.ofMillis(1500));

    private static Mono<Void> refuse(ReadRefusal busy) {
        return Mono.error(busy);
    }

    @Test
    void aKindIsRefusedWhenItsPermitsAreTakenAndTheOtherKindsAreNot() {
        Sinks.Empty<Void> work = Sinks.empty();
        Disposable a = limits.guard(ReadKind.VERIFY, work.asMono(), ReadLimitsTest::refuse).subscribe();
        Disposable b = limits.guard(ReadKind.VERIFY, work.asMono(), ReadLimitsTest::refuse).subscribe();
        assertThat(limits.available(ReadKind.VERIFY)).isZero();

        AtomicReference<Throwable> third = new AtomicReference<>();
        limits.guard(ReadKind.VERIFY, Mono.empty(), ReadLimitsTest::refuse).subscribe(null, third::set);
        assertThat(third.get()).isInstanceOfSatisfying(ReadRefusal.class, r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.code()).isEqualTo("audit-read-busy");
            assertThat(r.args()).containsExactly("2", "2", "verify"); // limit, Retry-After rounded up, kind
        });
        assertThat(limits.guard(ReadKind.EXPORT, Mono.empty(), ReadLimitsTest::refuse).block()).isNull();

        work.tryEmitEmpty();
        assertThat(a.isDisposed() && b.isDisposed()).isTrue();
        assertThat(limits.available(ReadKind.VERIFY)).isEqualTo(2);
    }

    @Test
    void thePermitIsGivenBackOnceHoweverTheWorkEnds() {
        assertThatThrownBy(() -> limits.guard(ReadKind.EXPORT, Mono.error(new IllegalStateException("store")),
                ReadLimitsTest::refuse).block()).hasMessage("store");
        assertThat(limits.available(ReadKind.EXPORT)).isEqualTo(1);

        Disposable cancelled = limits.guard(ReadKind.EXPORT, Mono.never(), ReadLimitsTest::refuse).subscribe();
        assertThat(limits.available(ReadKind.EXPORT)).isZero();
        cancelled.dispose(); // the client went away
        assertThat(limits.available(ReadKind.EXPORT)).isEqualTo(1);
        cancelled.dispose();
        assertThat(limits.available(ReadKind.EXPORT)).isEqualTo(1);
    }

    @Test
    void workPastTheTimeLimitIsStoppedWithTheProblem() {
        Sinks.One<Long> deadline = Sinks.one();
        limits.hook(new ReadLimits.Hook() {
            @Override
            public Mono<?> deadline(ReadKind kind, Duration limit) {
                assertThat(limit).isEqualTo(Duration.ofSeconds(60));
                return deadline.asMono();
            }
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> workCancelled = new AtomicReference<>(false);
        limits.guard(ReadKind.STATISTICS, Mono.<Void>never().doOnCancel(() -> workCancelled.set(true)),
                ReadLimitsTest::refuse).subscribe(null, failure::set);
        assertThat(failure.get()).isNull();

        deadline.tryEmitValue(0L);
        assertThat(failure.get()).isInstanceOfSatisfying(ReadRefusal.class, r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("audit-read-timeout");
            assertThat(r.args()).containsExactly("60", "statistics");
        });
        assertThat(workCancelled.get()).as("the query is cancelled").isTrue();
        assertThat(limits.available(ReadKind.STATISTICS)).isEqualTo(1);
    }

    @Test
    void limitsArePositive() {
        assertThatThrownBy(() -> new ReadLimits(Map.of(ReadKind.VERIFY, 1, ReadKind.STATISTICS, 0,
                ReadKind.EXPORT, 1), Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadLimits(Map.of(ReadKind.VERIFY, 1, ReadKind.STATISTICS, 1),
                Duration.ofSeconds(1), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadLimits(Map.of(ReadKind.VERIFY, 1, ReadKind.STATISTICS, 1,
                ReadKind.EXPORT, 1), Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
