package cn.minzheng.org.creditlist;

import cn.minzheng.org.events.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the daily credit-list sweep over every authority on {@code minzheng.org.credit-lists.sweep-cron}
 * (China Standard Time). Off with {@code minzheng.org.credit-lists.sweep-enabled=false} (tests). A run
 * that is still going when the next one is due is not doubled on this instance; across instances the
 * sweep's conditional single-document updates make a parallel run harmless. Progress and the result are
 * logged by {@link CreditListService#sweep(String, Actor)}.
 */
public class CreditListSweepSchedule {
    private static final Logger log = LoggerFactory.getLogger(CreditListSweepSchedule.class);
    private final CreditListService service;
    private final Duration limit;
    private final AtomicBoolean running = new AtomicBoolean();

    public CreditListSweepSchedule(CreditListService service, Duration limit) {
        this.service = service;
        this.limit = limit;
    }

    @Scheduled(cron = "${minzheng.org.credit-lists.sweep-cron}", zone = "Asia/Shanghai")
    public void run() {
        if (!running.compareAndSet(false, true)) {
            log.warn("credit-list sweep still running; this run is skipped");
            return;
        }
        try {
            // a scheduler thread, never a request thread: waiting here is deliberate
            service.sweep(null, Actor.system()).block(limit);
        } catch (RuntimeException e) {
            log.warn("credit-list sweep stopped, the next run resumes it: {}", e.toString());
        } finally {
            running.set(false);
        }
    }
}
