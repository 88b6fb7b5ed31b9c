package cn.minzheng.platform.kit.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code minzheng.outbox.*}.
 *
 * @param collections aggregate collection → topic, e.g. {@code applications: assistance.events}
 * @param sweepInterval how often the background sweep retries the documents this instance's drains left
 *                      unfinished (default 2 s); these retries read documents by {@code _id} only
 * @param lease how long a claim on one document lasts (default 30 s; longer than a publish can take)
 * @param backoffInitial first wait after a failed publish (default 500 ms), doubled per failure
 * @param backoffMax cap of that wait (default 30 s)
 * @param batchSize documents per collection per sweep (default 100)
 * @param deliveryTimeout producer delivery timeout, so a dead broker surfaces fast (default 10 s)
 * @param instanceId this instance's claim owner name (default host + random suffix)
 * @param sweepEnabled false turns the background sweep off (tests, one-off tools)
 * @param fullSweepInterval how often the background sweep also scans every outbox collection for
 *                          pending events nobody is retrying (another instance crashed, a write whose
 *                          drain was never started); also at start-up, and at the next tick again while
 *                          a scan finds a full batch (default 10 s). A scan reads the whole collection
 *                          on the Mongo-wire server, so it is kept off the every-tick path.
 */
@ConfigurationProperties("minzheng.outbox")
public record OutboxProperties(Map<String, String> collections, Duration sweepInterval, Duration lease,
                               Duration backoffInitial, Duration backoffMax, Integer batchSize,
                               Duration deliveryTimeout, String instanceId, Boolean sweepEnabled,
                               Duration fullSweepInterval) {

    @ConstructorBinding
    public OutboxProperties {
        collections = collections == null ? Map.of() : Map.copyOf(collections);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(2) : sweepInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        backoffInitial = backoffInitial == null ? Duration.ofMillis(500) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofSeconds(30) : backoffMax;
        batchSize = batchSize == null ? 100 : batchSize;
        deliveryTimeout = deliveryTimeout == null ? Duration.ofSeconds(10) : deliveryTimeout;
        sweepEnabled = sweepEnabled == null || sweepEnabled;
        fullSweepInterval = fullSweepInterval == null ? Duration.ofSeconds(10) : fullSweepInterval;
    }

    /** Everything but the full-sweep interval, which takes its default. */
    public OutboxProperties(Map<String, String> collections, Duration sweepInterval, Duration lease,
                            Duration backoffInitial, Duration backoffMax, Integer batchSize,
                            Duration deliveryTimeout, String instanceId, Boolean sweepEnabled) {
        this(collections, sweepInterval, lease, backoffInitial, backoffMax, batchSize, deliveryTimeout, instanceId,
                sweepEnabled, null);
    }
}
