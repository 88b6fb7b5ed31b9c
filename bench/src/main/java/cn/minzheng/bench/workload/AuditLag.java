package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.load.LoadRun;
import cn.minzheng.bench.load.OpenLoop;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.LatencySummary;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * 3. Event-to-audit lag at a constant arrival rate: from a submission's 201 to the moment its
 * submitted record is returned by the audit search API.
 */
public final class AuditLag implements Workload {

    static final Duration DRAIN = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "3-lag";
    }

    /** A measured submission waiting for its audit record. */
    private record Pending(long answeredNanos, long answeredMillis) {
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        TokenRing citizens = new TokenRing(d.tokens("bench-lag-citizen", s.tokenPool(), List.of("CITIZEN"), SubmissionPayloads.COUNTY));
        AuditQueries audit = new AuditQueries(d, d.token("bench-auditor", "审计压测", List.of("AUDITOR"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30)));
        SubmissionPayloads payloads = new SubmissionPayloads(System.currentTimeMillis() / 10 + 7_000_000);
        String url = (s.submitDirect() ? d.endpoints().assistance() : d.endpoints().gateway()) + "/api/v1/assistance/applications";
        List<Double> lagP50 = new ArrayList<>(), lagP99 = new ArrayList<>(), lagMax = new ArrayList<>(), rate = new ArrayList<>();
        List<Double> submitP99 = new ArrayList<>(), pollP50 = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, LatencySummary> lastLat = new LinkedHashMap<>();
        for (int r = 1; r <= s.runs(); r++) {
            ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
            Histogram lag = new ConcurrentHistogram(600_000_000L, 3);
            Histogram polls = new ConcurrentHistogram(600_000_000L, 3);
            Disposable poller = Flux.interval(s.pollInterval(), Schedulers.single()).onBackpressureDrop()
                    .concatMap(tick -> pollOnce(audit, pending, lag, polls).onErrorResume(e -> Mono.empty()), 1)
                    .subscribe();
            LoadRun run;
            try {
                run = OpenLoop.run(s.lagRate(), s.warmup(), s.window(), arrival -> d.post(url, citizens.next(), payloads.next(),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString())).map(reply -> {
                            if (arrival.measured() && reply.ok()) {
                                pending.put(Devstack.json(reply).path("number").asString(),
                                        new Pending(System.nanoTime(), System.currentTimeMillis()));
                            }
                            return reply.status();
                        }));
                long drainStart = System.nanoTime();
                while (!pending.isEmpty() && System.nanoTime() - drainStart < DRAIN.toNanos()) {
                    Submissions.sleep(Duration.ofMillis(100));
                }
            } finally {
                poller.dispose();
            }
            LatencySummary l = LatencySummary.of(lag);
            lagP50.add(l.p50());
            lagP99.add(l.p99());
            lagMax.add(l.max());
            rate.add(run.throughput());
            submitP99.add(run.latency().p99());
            pollP50.add(LatencySummary.of(polls).p50());
            notes.add("run " + r + ": " + run.ok() + " submissions answered in the window (" + run.failureText()
                    + " failed); " + lag.getTotalCount() + " audit records seen, " + pending.size()
                    + " not seen within " + DRAIN.toSeconds() + " s after the window; one poll took p50 "
                    + String.format("%.0f", LatencySummary.of(polls).p50()) + " ms, max "
                    + String.format("%.0f", LatencySummary.of(polls).max()) + " ms");
            lastLat.put("event-to-audit lag", l);
            lastLat.put("submission response", run.latency());
        }
        return new WorkloadResult(id(), "event-to-audit lag",
                "Open loop: " + (long) s.lagRate() + " submissions/s due at fixed intervals " + (s.submitDirect() ? "straight to assistance-service (:8081)" : "through the gateway")
                        + ". For each "
                        + "submission answered in the window, the lag runs from its 201 until one poll of the audit "
                        + "search API (GET /api/v1/audit/records?type=…submitted.v1&from=…, every " + s.pollInterval().toMillis()
                        + " ms, all pages) returns its record. Resolution: the poll interval plus one poll's duration.",
                List.of(Figure.of("lag p50", "ms", lagP50), Figure.of("lag p99", "ms", lagP99).withTarget(Target.atMost(500, "≤ 500 ms")),
                        Figure.of("lag max", "ms", lagMax), Figure.of("offered rate answered", "submissions/s", rate),
                        Figure.of("submission p99", "ms", submitP99), Figure.of("one audit poll p50", "ms", pollP50)),
                List.of(Charts.percentiles("lag and submission latency, last run", lastLat)), notes);
    }

    /** One poll: every page of submitted records since the oldest pending submission (less 2 s of slack). */
    private static Mono<Void> pollOnce(AuditQueries audit, ConcurrentHashMap<String, Pending> pending, Histogram lag,
            Histogram polls) {
        if (pending.isEmpty()) {
            return Mono.empty();
        }
        long oldest = pending.values().stream().mapToLong(Pending::answeredMillis).min().orElse(System.currentTimeMillis());
        Instant from = Instant.ofEpochMilli(oldest - 2000);
        long started = System.nanoTime();
        return audit.page(AuditQueries.SUBMITTED, from, null)
                .expand(page -> page.path("nextCursor").isString()
                        ? audit.page(AuditQueries.SUBMITTED, from, page.path("nextCursor").asString()) : Mono.empty())
                .doOnNext(page -> {
                    long now = System.nanoTime();
                    for (JsonNode item : page.path("items")) {
                        Pending p = pending.remove(item.path("subject").asString());
                        if (p != null) {
                            lag.recordValue(Math.max(0, (now - p.answeredNanos()) / 1000));
                        }
                    }
                })
                .then(Mono.fromRunnable(() -> polls.recordValue((System.nanoTime() - started) / 1000)));
    }
}
