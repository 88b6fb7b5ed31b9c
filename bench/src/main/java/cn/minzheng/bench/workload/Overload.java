package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.cost.Components;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.load.ClosedLoop;
import cn.minzheng.bench.load.LoadRun;
import cn.minzheng.bench.load.OpenLoop;
import cn.minzheng.bench.load.OverloadTally;
import cn.minzheng.bench.load.SteadyRun;
import cn.minzheng.bench.load.Warmup;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * 7. Overload is served, not collapsed (issue 20 item 4): the case read's capacity through the gateway is
 * measured (closed loop, as in workload 1), then {@value #FACTOR}× that rate is offered (open loop, no
 * coordinated omission). The platform should still answer ≥ 90 % of its capacity and refuse the excess
 * fast (≤ 50 ms, 429/503 with Retry-After) instead of timing out.
 */
public final class Overload implements Workload {

    static final double FACTOR = 4;

    @Override
    public String id() {
        return "7-overload";
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        String citizen = d.token("bench-overload-" + UUID.randomUUID(), "张伟", List.of("CITIZEN"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30));
        Reply created = d.post(d.endpoints().gateway() + "/api/v1/assistance/applications", citizen,
                new SubmissionPayloads(System.currentTimeMillis()).next(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).block(Duration.ofSeconds(30));
        if (created == null || !created.ok()) {
            return WorkloadResult.notRun(id(), "overload", "could not create the application to read: "
                    + (created == null ? "no answer" : created.status() + " " + created.text()));
        }
        String url = d.endpoints().gateway() + "/api/v1/assistance/applications/"
                + Devstack.json(created).path("number").asString();
        TokenRing clerks = new TokenRing(d.tokens("bench-clerk", s.tokenPool(), List.of("CLERK"), SubmissionPayloads.COUNTY));
        Components components = Components.ofDevstack();
        Warmup warmup = Warmup.untilSteady(s.warmup(), s.warmupMax());
        List<OverloadTally.Outcome> outcomes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int r = 1; r <= s.runs(); r++) {
            SteadyRun capacityRun = ClosedLoop.measure(s.clients(), warmup, s.window(), components,
                    () -> d.get(url, clerks.next()).map(Reply::status));
            LoadRun capacity = capacityRun.load();
            double offered = Math.max(1, FACTOR * capacity.throughput());
            OverloadTally tally = new OverloadTally();
            OpenLoop.run(offered, s.warmup(), s.window(), arrival -> {
                Mono<Integer> call = d.get(url, clerks.next()).map(Reply::status).onErrorReturn(-1);
                return call.doOnNext(status -> {
                    if (arrival.measured()) {
                        tally.record(status, (System.nanoTime() - arrival.dueNanos()) / 1000);
                    }
                });
            });
            OverloadTally.Outcome outcome = tally.outcome(s.window().toSeconds(), capacity.throughput(), offered);
            outcomes.add(outcome);
            notes.add(String.format("run %d: capacity %.1f req/s (closed loop, %d clients, warm-up %s); offered %.1f req/s "
                            + "for %d s: answered %.1f/s (%.0f %% of capacity), refused %d, other %d; statuses %s; "
                            + "answer p50/p99 %.1f/%.1f ms, refusal p50/p99 %.1f/%.1f ms", r, capacity.throughput(), s.clients(),
                    capacityRun.warmup().describe(), offered, s.window().toSeconds(), outcome.answeredPerSecond(),
                    outcome.servedShareOfCapacity(), outcome.refused(), outcome.failed(), outcome.statusText(),
                    outcome.answeredLatency().p50(), outcome.answeredLatency().p99(),
                    outcome.refusedLatency().p50(), outcome.refusedLatency().p99()));
        }
        return new WorkloadResult(id(), "overload through the gateway", "GET of one application through the gateway: "
                + "its capacity measured by " + s.clients() + " closed-loop clients, then " + (int) FACTOR + "× that rate offered "
                + "at fixed intervals (open loop; latency from when each request was due) with CLERK tokens of "
                + s.tokenPool() + " subjects. Answered = 2xx; refused = 429/503 (Retry-After); other = 504, other errors, no answer.",
                figures(outcomes), List.of(), notes);
    }

    /** The figures of the runs' outcomes, with issue 20's targets. */
    static List<Figure> figures(List<OverloadTally.Outcome> outcomes) {
        return List.of(
                Figure.of("answered under 4× load, share of capacity", "%",
                        outcomes.stream().map(OverloadTally.Outcome::servedShareOfCapacity).toList())
                        .withTarget(Target.atLeast(90, "≥ 90 %")),
                Figure.of("refusal latency p99", "ms", outcomes.stream()
                                .map(o -> o.refused() == 0 ? Double.NaN : o.refusedLatency().p99()).toList())
                        .withTarget(Target.atMost(50, "≤ 50 ms")),
                Figure.of("capacity (closed loop)", "req/s", outcomes.stream().map(OverloadTally.Outcome::capacity).toList()),
                Figure.of("offered", "req/s", outcomes.stream().map(OverloadTally.Outcome::offeredPerSecond).toList()),
                Figure.of("answered under 4× load", "req/s", outcomes.stream().map(OverloadTally.Outcome::answeredPerSecond).toList()),
                Figure.of("answer latency p99 under 4× load", "ms", outcomes.stream().map(o -> o.answeredLatency().p99()).toList()),
                Figure.of("neither answered nor refused (504, errors, no answer)", "requests",
                        outcomes.stream().map(o -> (double) o.failed()).toList()));
    }
}
