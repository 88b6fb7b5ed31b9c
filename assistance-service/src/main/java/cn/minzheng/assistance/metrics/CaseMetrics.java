package cn.minzheng.assistance.metrics;

import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.ApplicationStore;
import cn.minzheng.assistance.application.CaseDocuments;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.deadlines.DeadlinePlanner;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Gauges refreshed from the store: {@code assistance.cases.open{status}} and
 * {@code assistance.cases.overdue} (past a deadline the office keeps) and
 * {@code assistance.cases.applicant_overdue} (past the applicant's reply date of a 一次性告知).
 */
@Component
public class CaseMetrics {
    private final ApplicationStore store;
    private final Clock clock;
    private final Map<ApplicationStatus, AtomicLong> open = new EnumMap<>(ApplicationStatus.class);
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong applicantOverdue = new AtomicLong();
    private final AtomicReference<Double> onTimeRatio =
            new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> meanWorkingDays =
            new AtomicReference<>(Double.NaN);
    private final DeadlinePlanner planner;

    public CaseMetrics(ApplicationStore store, MeterRegistry registry, Clock clock,
                       DeadlinePlanner planner) {
        this.store = store;
        this.clock = clock;
        this.planner = planner;
        Gauge.builder("assistance.cases.on_time_ratio", onTimeRatio, AtomicReference::get)
                .description("承诺件按时办结率: decided cases whose whole-case limit was met").register(registry);
        Gauge.builder("assistance.cases.decision_working_days_mean", meanWorkingDays,
                        AtomicReference::get)
                .description("mean working days from acceptance to decision").register(registry);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (!s.terminal()) {
                AtomicLong n = new AtomicLong();
                open.put(s, n);
                Gauge.builder("assistance.cases.open", n, AtomicLong::get).tag("status", s.name())
                        .description("open assistance cases by status").register(registry);
            }
        }
        Gauge.builder("assistance.cases.overdue", overdue, AtomicLong::get)
                .description("open cases past a due date the office keeps (the applicant's reply to a "
                        + "supplement request is counted apart, in assistance.cases.applicant_overdue)").register(registry);
        Gauge.builder("assistance.cases.applicant_overdue", applicantOverdue, AtomicLong::get)
                .description("open cases whose applicant is past the reply date of a supplement request "
                        + "(not the office's delay)").register(registry);
    }

    @Scheduled(fixedDelayString = "${minzheng.assistance.metrics-refresh-ms:30000}", initialDelay = 2000)
    public void refresh() {
        String today = LocalDate.now(clock.withZone(AssistanceCase.CHINA)).toString();
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        long[] late = {0, 0}; // the office's deadlines, the applicant's
        store.countOpenByStatus()
                .doOnNext((Document d) -> {
                    ApplicationStatus s = ApplicationStatus.valueOf(d.getString("status"));
                    counts.merge(s, 1L, Long::sum);
                    // a case stored before the split has only openDue: counted as the office's
                    String due = d.containsKey(CaseDocuments.OFFICE_DUE) ? d.getString(CaseDocuments.OFFICE_DUE)
                            : d.getString("openDue");
                    if (due != null && due.compareTo(today) < 0) {
                        late[0]++;
                    }
                    String reply = d.getString(CaseDocuments.APPLICANT_DUE);
                    if (reply != null && reply.compareTo(today) < 0) {
                        late[1]++;
                    }
                })
                .doOnComplete(() -> {
                    open.forEach((s, n) -> n.set(counts.getOrDefault(s, 0L)));
                    overdue.set(late[0]);
                    applicantOverdue.set(late[1]);
                })
                .onErrorResume(e -> Mono.empty())
                .subscribe();
        long[] decided = {0, 0, 0, 0}; // with a whole-case limit, met in time, with acceptance date, working days
        store.decided()
                .doOnNext(d -> {
                    List<Document> deadlines = d.getList("deadlines", Document.class, List.of());
                    for (Document dl : deadlines) {
                        if ("WHOLE_CASE".equals(dl.getString("step")) && dl.getString("metOn") != null) {
                            decided[0]++;
                            if (dl.getString("metOn").compareTo(dl.getString("promisedDue")) <= 0) {
                                decided[1]++;
                            }
                        }
                    }
                    Document decision = d.get("decision", Document.class);
                    String accepted = d.getString("acceptedOn");
                    if (decision != null && accepted != null && decision.getString("decidedOn") != null) {
                        decided[2]++;
                        decided[3] += planner.workingDaysBetween(LocalDate.parse(accepted),
                                LocalDate.parse(decision.getString("decidedOn")));
                    }
                })
                .doOnComplete(() -> {
                    onTimeRatio.set(decided[0] == 0 ? Double.NaN : (double) decided[1] / decided[0]);
                    meanWorkingDays.set(decided[2] == 0 ? Double.NaN : (double) decided[3] / decided[2]);
                })
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }
}
