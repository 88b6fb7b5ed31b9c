package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** 5. Re-walking a chain: records/s checked by the verify API. */
public final class AuditVerify implements Workload {

    @Override
    public String id() {
        return "5-verify";
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        AuditQueries audit = new AuditQueries(d, d.token("bench-auditor", "审计压测", List.of("AUDITOR"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30)));
        List<String> notes = new ArrayList<>();
        String chain = s.verifyChain();
        List<Figure> figures = new ArrayList<>();
        if (chain == null) {
            String topic = "bench-" + System.currentTimeMillis() / 1000 + "-verify.events";
            double produced = BenchTopic.fill(d.endpoints().kafka(), topic, 1, s.verifyRecords());
            Duration timeout = Duration.ofSeconds(120 + s.verifyRecords() / 100);
            AuditIngest.Catchup c = AuditIngest.waitUntilStored(audit, topic, s.verifyRecords(), timeout, Duration.ofSeconds(5));
            if (c.doneAfter() < 0) {
                return new WorkloadResult(id(), "audit verify", "", List.of(), List.of(), List.of("the fill of " + topic
                        + " did not finish: " + c.stored() + " of " + s.verifyRecords() + " stored after " + timeout.toSeconds() + " s"));
            }
            chain = topic + "-0";
            notes.add("filled " + chain + " with " + s.verifyRecords() + " records: produced in " + String.format("%.1f", produced)
                    + " s, stored by audit-service after " + String.format("%.0f", c.doneAfter()) + " s");
            figures.add(Figure.of("fill time (Kafka → audit)", "s", List.of(c.doneAfter())));
        }
        List<Double> rate = new ArrayList<>(), count = new ArrayList<>(), seconds = new ArrayList<>();
        // a whole chain at once is ADMIN's (an AUDITOR verifies at most minzheng.audit.reads.verify-max-span records a call)
        AuditQueries admin = new AuditQueries(d, d.token("bench-admin", "审计压测管理员", List.of("ADMIN"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30)));
        for (int r = 1; r <= s.runs(); r++) {
            long start = System.nanoTime();
            Reply reply = admin.verify(chain).block();
            double took = (System.nanoTime() - start) / 1e9;
            if (reply == null || !reply.ok()) {
                notes.add("run " + r + ": verify answered " + (reply == null ? "nothing" : reply.status() + " " + reply.text()));
                rate.add(Double.NaN);
                continue;
            }
            JsonNode v = Devstack.json(reply);
            long n = v.path("count").asLong();
            rate.add(n / took);
            count.add((double) n);
            seconds.add(took);
            notes.add("run " + r + ": " + n + " records of " + chain + " in " + String.format("%.2f", took) + " s, ok="
                    + v.path("ok").asBoolean() + (v.path("ok").asBoolean() ? "" : ", failure " + v.path("failure")));
        }
        figures.add(0, Figure.of("verify", "records/s", rate).withTarget(Target.atLeast(200_000, "≥ 200,000/s")));
        figures.add(Figure.of("records walked", "records", count));
        figures.add(Figure.of("verify time", "s", seconds));
        return new WorkloadResult(id(), "audit verify",
                "GET /api/v1/audit/chains/{chain}/verification on " + chain + " straight to audit-service (the gateway's 5 s "
                        + "time limit would cut a long walk); records/s = records walked / wall time of the call. The target is "
                        + "stated over 1M records; this run used the chain size shown (raise it with --verify-records).",
                figures, List.of(), notes);
    }
}
