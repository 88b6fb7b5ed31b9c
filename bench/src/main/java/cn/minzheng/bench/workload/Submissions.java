package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.cost.Components;
import cn.minzheng.bench.cost.CostSheet;
import cn.minzheng.bench.load.ClosedLoop;
import cn.minzheng.bench.load.SteadyRun;
import cn.minzheng.bench.load.Warmup;
import cn.minzheng.bench.load.LoadRun;
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

/** 2. Sustained submissions through the gateway, then a count of their events in the audit trail. */
public final class Submissions implements Workload {

    static final Duration AUDIT_WAIT = Duration.ofSeconds(90);

    @Override
    public String id() {
        return "2-submissions";
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        TokenRing citizens = new TokenRing(d.tokens("bench-citizen", s.tokenPool(), List.of("CITIZEN"), SubmissionPayloads.COUNTY));
        AuditQueries audit = new AuditQueries(d, d.token("bench-auditor", "审计压测", List.of("AUDITOR"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30)));
        SubmissionPayloads payloads = new SubmissionPayloads(System.currentTimeMillis() / 10);
        String url = (s.submitDirect() ? d.endpoints().assistance() : d.endpoints().gateway()) + "/api/v1/assistance/applications";
        List<Double> rate = new ArrayList<>(), p50 = new ArrayList<>(), p99 = new ArrayList<>();
        List<Double> audited = new ArrayList<>(), catchUp = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LoadRun last = null;
        Components components = Components.ofDevstack();
        if (!components.missing().isEmpty()) {
            notes.add("CPU not measured for (nothing listens there): " + String.join(", ", components.missing()));
        }
        Warmup warmup = Warmup.untilSteady(s.warmup(), s.warmupMax());
        List<CostSheet> costs = new ArrayList<>();
        for (int r = 1; r <= s.runs(); r++) {
            Instant from = Instant.now();
            SteadyRun steady = ClosedLoop.measure(s.clients(), warmup, s.window(), components, () -> d.post(url, citizens.next(),
                    payloads.next(), Map.of("Idempotency-Key", UUID.randomUUID().toString())).map(Reply::status));
            LoadRun run = steady.load();
            costs.add(steady.cost());
            notes.add("run " + r + ": warm-up " + steady.warmup().describe() + "; " + steady.cost().describe()
                    + " (audit-service's share includes chaining the events the submissions caused)");
            long endNanos = System.nanoTime();
            long expected = run.okTotal();
            long found = -1;
            String error = null;
            while (System.nanoTime() - endNanos < AUDIT_WAIT.toNanos()) {
                try {
                    found = audit.countOfType(AuditQueries.SUBMITTED, from, Instant.now().plusSeconds(60)).block();
                } catch (RuntimeException e) {
                    error = e.getMessage();
                }
                if (found >= expected) {
                    break;
                }
                sleep(Duration.ofMillis(500));
            }
            double waited = (System.nanoTime() - endNanos) / 1e9;
            rate.add(run.throughput());
            p50.add(run.latency().p50());
            p99.add(run.latency().p99());
            audited.add(expected == 0 ? Double.NaN : 100.0 * Math.max(0, found) / expected);
            catchUp.add(found >= expected ? waited : Double.NaN);
            notes.add("run " + r + ": " + run.ok() + " accepted in the window (" + expected + " with warm-up), failures "
                    + run.failureText() + "; audit trail holds " + found + " submitted events of " + expected
                    + (found >= expected ? " after " + String.format("%.1f", waited) + " s" : " when giving up after "
                    + AUDIT_WAIT.toSeconds() + " s") + (error == null ? "" : " (last audit error: " + error + ")"));
            last = run;
        }
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of("submissions", "applications/s", rate).withTarget(Target.atLeast(1000, "≥ 1,000/s")),
                Figure.of("p50", "ms", p50), Figure.of("p99", "ms", p99),
                Figure.of("events in the audit trail", "%", audited).withTarget(Target.atLeast(100, "100 %")),
                Figure.of("audit caught up after the window", "s", catchUp)));
        figures.addAll(CostFigures.of("submission", costs));
        Map<String, LatencySummary> lat = new LinkedHashMap<>();
        lat.put("submission", last.latency());
        Map<String, LoadRun> ps = new LinkedHashMap<>();
        ps.put("accepted", last);
        return new WorkloadResult(id(), s.submitDirect() ? "submissions straight to assistance-service" : "submissions through the gateway",
                s.clients() + " concurrent citizens (closed loop, " + s.tokenPool() + " token subjects) POST a new 城市低保 "
                        + "application each (valid 身份证 number, Idempotency-Key) to the gateway. Afterwards the audit "
                        + "statistics API must count one submitted event per accepted application (warm-up included).",
                figures,
                List.of(Charts.percentiles("submission latency, last run", lat), Charts.perSecond("accepted per second, last run", ps)),
                notes);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
