package cn.minzheng.assistance.recalculation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code minzheng.assistance.recalculation.*}: how 调标 runs are worked (operational figures, no legal source).
 *
 * @param batchSize          cases per batch; progress is saved after each (a stop repeats at most one batch)
 * @param lease              how long a run stays with the instance working it without a progress write
 * @param resumeScanMs       how often an instance looks for runs whose lease ran out (also once at start-up)
 * @param startWhenAdded     start a run when a standard is added (on by default)
 * @param writeConcurrency   case writes in flight within a batch
 * @param publishConcurrency outbox drains in flight after a batch (one per changed case)
 */
@ConfigurationProperties("minzheng.assistance.recalculation")
public record RecalculationProperties(int batchSize, Duration lease, long resumeScanMs, Boolean startWhenAdded,
                                      int writeConcurrency, int publishConcurrency) {
    public static final int MAX_BATCH_SIZE = 5_000;

    public RecalculationProperties {
        batchSize = batchSize <= 0 ? 500 : Math.min(batchSize, MAX_BATCH_SIZE);
        lease = lease == null || lease.isNegative() || lease.isZero() ? Duration.ofMinutes(1) : lease;
        resumeScanMs = resumeScanMs <= 0 ? 30_000 : resumeScanMs;
        startWhenAdded = startWhenAdded == null || startWhenAdded;
        writeConcurrency = writeConcurrency <= 0 ? 8 : writeConcurrency;
        publishConcurrency = publishConcurrency <= 0 ? 16 : publishConcurrency;
    }
}
