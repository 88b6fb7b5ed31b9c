package cn.minzheng.audit.reads;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code minzheng.audit.reads.*}: the bounds of expensive audit reads (defaults in application.yml,
 * the reasons beside them).
 *
 * @param verifyMaxSpan     records an AUDITOR verifies in one request (ADMIN: any range)
 * @param statisticsMaxSpan longest {@code from..to} of the counting statistics
 * @param concurrency       reads of each kind running at once, per instance
 * @param timeLimit         server-side time limit of each such read
 * @param retryAfter        the Retry-After of a 429
 */
@ConfigurationProperties("minzheng.audit.reads")
public record ReadProperties(Long verifyMaxSpan, Duration statisticsMaxSpan, Concurrency concurrency,
        Duration timeLimit, Duration retryAfter) {

    public ReadProperties {
        verifyMaxSpan = verifyMaxSpan == null ? 100_000L : verifyMaxSpan;
        statisticsMaxSpan = statisticsMaxSpan == null ? Duration.ofDays(366) : statisticsMaxSpan;
        concurrency = concurrency == null ? new Concurrency(null, null, null) : concurrency;
        timeLimit = timeLimit == null ? Duration.ofSeconds(60) : timeLimit;
        retryAfter = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
    }

    /** {@code minzheng.audit.reads.concurrency.verify|statistics|export}. */
    public record Concurrency(Integer verify, Integer statistics, Integer export) {
        public Concurrency {
            verify = verify == null ? 2 : verify;
            statistics = statistics == null ? 4 : statistics;
            export = export == null ? 2 : export;
        }

        Map<ReadKind, Integer> byKind() {
            Map<ReadKind, Integer> m = new EnumMap<>(ReadKind.class);
            m.put(ReadKind.VERIFY, verify);
            m.put(ReadKind.STATISTICS, statistics);
            m.put(ReadKind.EXPORT, export);
            return m;
        }
    }

    public ReadBounds bounds() {
        return new ReadBounds(verifyMaxSpan, statisticsMaxSpan);
    }

    public ReadLimits limits() {
        return new ReadLimits(concurrency.byKind(), timeLimit, retryAfter);
    }
}
