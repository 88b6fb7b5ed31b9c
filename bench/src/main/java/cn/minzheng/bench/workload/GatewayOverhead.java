package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.cost.Components;
import cn.minzheng.bench.cost.CostSheet;
import cn.minzheng.bench.load.ClosedLoop;
import cn.minzheng.bench.load.LoadRun;
import cn.minzheng.bench.load.SteadyRun;
import cn.minzheng.bench.load.Warmup;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** 1. The same authenticated GET of one application, through the gateway and straight to the service. */
public final class GatewayOverhead implements Workload {

    @Override
    public String id() {
        return "1-gateway";
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        String citizen = d.token("bench-owner-" + UUID.randomUUID(), "张伟", List.of("CITIZEN"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30));
        Reply created = d.post(d.endpoints().gateway() + "/api/v1/assistance/applications", citizen,
                new SubmissionPayloads(System.currentTimeMillis()).next(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).block(Duration.ofSeconds(30));
        if (created == null || !created.ok()) {
            return WorkloadResult.notRun(id(), "gateway overhead", "could not create the application to read: "
                    + (created == null ? "no answer" : created.status() + " " + created.text()));
        }
        String path = "/api/v1/assistance/applications/" + Devstack.json(created).path("number").asString();
        TokenRing clerks = new TokenRing(d.tokens("bench-clerk", s.tokenPool(), List.of("CLERK"), SubmissionPayloads.COUNTY));
        List<Double> gwRate = new ArrayList<>(), directRate = new ArrayList<>(), ratio = new ArrayList<>();
        List<Double> addP50 = new ArrayList<>(), addP99 = new ArrayList<>();
        List<Double> gwP50 = new ArrayList<>(), gwP99 = new ArrayList<>(), dP50 = new ArrayList<>(), dP99 = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Reply probe = d.get(d.endpoints().gateway() + path, clerks.next()).block(Duration.ofSeconds(30));
        if (probe == null || !probe.ok()) {
            notes.add("a single GET through the gateway before the runs answered "
                    + (probe == null ? "nothing" : probe.status() + " " + probe.text()));
        }
        java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
        LoadRun lastGw = null, lastDirect = null;
        Components components = Components.ofDevstack();
        if (!components.missing().isEmpty()) {
            notes.add("CPU not measured for (nothing listens there): " + String.join(", ", components.missing()));
        }
        Warmup warmup = Warmup.untilSteady(s.warmup(), s.warmupMax());
        List<CostSheet> gwCost = new ArrayList<>(), directCost = new ArrayList<>();
        for (int r = 1; r <= s.runs(); r++) {
            SteadyRun gwRun = ClosedLoop.measure(s.clients(), warmup, s.window(), components,
                    () -> d.get(d.endpoints().gateway() + path, clerks.next()).map(reply -> {
                        if (!reply.ok()) {
                            firstFailure.compareAndSet(null, reply.status() + " " + reply.text());
                        }
                        return reply.status();
                    }));
            SteadyRun directRun = ClosedLoop.measure(s.clients(), warmup, s.window(), components,
                    () -> d.get(d.endpoints().assistance() + path, clerks.next()).map(Reply::status));
            LoadRun gw = gwRun.load();
            LoadRun direct = directRun.load();
            gwCost.add(gwRun.cost());
            directCost.add(directRun.cost());
            notes.add("run " + r + ": warm-up through the gateway " + gwRun.warmup().describe() + "; direct "
                    + directRun.warmup().describe());
            notes.add("run " + r + ": through the gateway, " + gwRun.cost().describe());
            notes.add("run " + r + ": direct, " + directRun.cost().describe());
            gwRate.add(gw.throughput());
            directRate.add(direct.throughput());
            ratio.add(100.0 * gw.throughput() / direct.throughput());
            addP50.add(gw.latency().p50() - direct.latency().p50());
            addP99.add(gw.latency().p99() - direct.latency().p99());
            gwP50.add(gw.latency().p50());
            gwP99.add(gw.latency().p99());
            dP50.add(direct.latency().p50());
            dP99.add(direct.latency().p99());
            notes.add("run " + r + ": gateway " + gw.ok() + " OK, failures " + gw.failureText() + "; direct " + direct.ok()
                    + " OK, failures " + direct.failureText());
            if (firstFailure.get() != null) {
                notes.add("run " + r + ": first failure through the gateway: " + firstFailure.getAndSet(null));
            }
            lastGw = gw;
            lastDirect = direct;
        }
        List<Figure> figures = List.of(
                Figure.of("throughput through gateway / direct", "%", ratio).withTarget(Target.atLeast(75, "≥ 75 %")),
                Figure.of("added p50", "ms", addP50).withTarget(Target.atMost(2, "≤ 2 ms")),
                Figure.of("added p99", "ms", addP99),
                Figure.of("gateway throughput", "req/s", gwRate),
                Figure.of("direct throughput", "req/s", directRate),
                Figure.of("gateway p50", "ms", gwP50),
                Figure.of("gateway p99", "ms", gwP99),
                Figure.of("direct p50", "ms", dP50),
                Figure.of("direct p99", "ms", dP99),
                Figure.of("gateway CPU per proxied request", "ms", gwCost.stream().map(c -> c.of("gateway")).toList())
                        .withTarget(Target.atMost(0.3, "≤ 0.3 ms")),
                Figure.of("assistance-service CPU per case read (direct)", "ms",
                        directCost.stream().map(c -> c.of("assistance-service")).toList()).withTarget(Target.atMost(0.4, "≤ 0.4 ms")));
        figures = new ArrayList<>(figures);
        figures.addAll(CostFigures.of("read through the gateway", gwCost));
        figures.addAll(CostFigures.of("read direct", directCost));
        Map<String, cn.minzheng.bench.measure.LatencySummary> lat = new LinkedHashMap<>();
        lat.put("gateway :8080", lastGw.latency());
        lat.put("direct :8081", lastDirect.latency());
        Map<String, LoadRun> perSecond = new LinkedHashMap<>();
        perSecond.put("gateway :8080", lastGw);
        perSecond.put("direct :8081", lastDirect);
        return new WorkloadResult(id(), "gateway overhead", "GET " + path + " by " + s.clients()
                + " concurrent clients (closed loop), CLERK tokens of " + s.tokenPool()
                + " subjects used round-robin (the gateway rate-limits per subject), through the gateway and then "
                + "directly to assistance-service in each run.", figures,
                List.of(Charts.percentiles("latency, last run", lat), Charts.perSecond("responses per second, last run", perSecond)),
                notes);
    }
}
