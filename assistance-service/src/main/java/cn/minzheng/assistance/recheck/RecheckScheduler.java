package cn.minzheng.assistance.recheck;

import cn.minzheng.assistance.application.Actor;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.application.Role;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;

/**
 * 动态管理 [57]§30–31: when an active benefit's re-check falls due (yearly, or every 6 months), the
 * service starts the re-check itself (event {@code recheck-due}) so it lands in the clerks' queue.
 * Idempotent: a case already re-checking is not touched; two instances racing lose on the version.
 */
@Component
public class RecheckScheduler {
    static final Actor SYSTEM = new Actor("system", "assistance-service", Role.SYSTEM, null);
    private static final Logger log = LoggerFactory.getLogger(RecheckScheduler.class);
    private final ApplicationStore store;
    private final OutboxRelay relay;
    private final Clock clock;

    public RecheckScheduler(ApplicationStore store, OutboxRelay relay, Clock clock) {
        this.store = store;
        this.relay = relay;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${minzheng.assistance.recheck-scan-ms:3600000}",
            initialDelayString = "${minzheng.assistance.recheck-scan-initial-ms:60000}")
    public void scan() {
        startDueRechecks().subscribe(n -> {
            if (n > 0) {
                log.info("{} re-check(s) started", n);
            }
        }, e -> log.warn("re-check scan failed: {}", e.toString()));
    }

    /** Starts every re-check due by today; emits how many were started. */
    public Mono<Long> startDueRechecks() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AssistanceCase.CHINA);
        Criteria due = new Criteria().andOperator(Criteria.where("status").is(ApplicationStatus.ACTIVE.name()),
                Criteria.where("benefit.nextRecheckDue").lte(today.toString()));
        return store.page(due, null, 500)
                .concatMap(c -> store.update(c.startRecheck(SYSTEM, clock.instant(), "复核到期 [57]§31"), c.version(), null)
                        .doOnNext(saved -> relay.publishInBackground("applications", saved.number()))
                        .onErrorResume(StaleVersionProblem.class, e -> Mono.empty()))
                .count();
    }
}
