package cn.minzheng.bench.cost;

import java.time.Duration;
import java.util.Optional;

/**
 * A process whose CPU time the bench charges to the operations it measures.
 *
 * @param name what the report calls it ("gateway", "store", "load generator")
 * @param pid  its process id
 */
public record Component(String name, long pid) {

    /** Total CPU time (user + system, every thread) the process has used so far, if it still runs. */
    public Optional<Duration> cpu() {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration());
    }
}
