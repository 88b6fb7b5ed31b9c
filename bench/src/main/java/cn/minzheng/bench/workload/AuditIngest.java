package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.SubmissionPayloads;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.Chart;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** 4. Audit ingest from a pre-filled topic: events/s chained and stored. */
public final class AuditIngest implements Workload {

    /**
     * How often the chain heads are read. Not faster: on the Mongo-wire server each read of
     * {@code /chains} re-reads every chain's head with an unindexed range query, so polling competes
     * with the ingest being measured.
     */
    static final Duration POLL = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "4-ingest";
    }

    /** How the store caught up with a pre-filled topic. */
    record Catchup(double firstSeenAfter, long firstSeenCount, double doneAfter, long stored, List<double[]> samples) {

        /** Events/s between the first observation and the last record; the pick-up delay is excluded. */
        double rate(long total) {
            if (doneAfter <= firstSeenAfter || total - firstSeenCount < total / 10) {
                return doneAfter > 0 ? total / doneAfter : Double.NaN;
            }
            return (total - firstSeenCount) / (doneAfter - firstSeenAfter);
        }

        /** Stored within {@value #SHORTEST_SECONDS} s of the first observation: the poll's 1 s error exceeds 5 %. */
        boolean tooShort() {
            return doneAfter > 0 && doneAfter - firstSeenAfter < SHORTEST_SECONDS;
        }

        static final int SHORTEST_SECONDS = 20;
    }

    static Catchup waitUntilStored(AuditQueries audit, String topic, long total, Duration timeout, Duration every) {
        long start = System.nanoTime();
        double first = -1;
        long firstCount = 0;
        long stored = 0;
        List<double[]> samples = new ArrayList<>();
        while (System.nanoTime() - start < timeout.toNanos()) {
            try {
                stored = audit.storedIn(topic).block();
            } catch (RuntimeException e) {
                stored = Math.max(stored, 0);
            }
            double t = (System.nanoTime() - start) / 1e9;
            samples.add(new double[] {t, stored});
            if (stored > 0 && first < 0) {
                first = t;
                firstCount = stored;
            }
            if (stored >= total) {
                return new Catchup(first, firstCount, t, stored, samples);
            }
            Submissions.sleep(every);
        }
        return new Catchup(first, firstCount, -1, stored, samples);
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        AuditQueries audit = new AuditQueries(d, d.token("bench-auditor", "审计压测", List.of("AUDITOR"), SubmissionPayloads.COUNTY)
                .block(Duration.ofSeconds(30)));
        long tag = System.currentTimeMillis() / 1000;
        List<Double> rate = new ArrayList<>(), produce = new ArrayList<>(), pickUp = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Catchup last = null;
        for (int r = 1; r <= s.runs(); r++) {
            String topic = "bench-" + tag + "-ingest-" + r + ".events";
            double produced = BenchTopic.fill(d.endpoints().kafka(), topic, s.ingestPartitions(), s.ingestEvents());
            Duration timeout = Duration.ofSeconds(120 + s.ingestEvents() / 200);
            Catchup c = waitUntilStored(audit, topic, s.ingestEvents(), timeout, POLL);
            rate.add(c.doneAfter() < 0 ? Double.NaN : c.rate(s.ingestEvents()));
            produce.add(s.ingestEvents() / produced);
            pickUp.add(c.firstSeenAfter() < 0 ? Double.NaN : c.firstSeenAfter());
            notes.add("run " + r + ": " + topic + " filled in " + String.format("%.1f", produced) + " s; "
                    + (c.doneAfter() < 0 ? "only " + c.stored() + " of " + s.ingestEvents() + " stored after " + timeout.toSeconds() + " s"
                    : "first records seen " + String.format("%.1f", c.firstSeenAfter()) + " s after filling, all "
                    + s.ingestEvents() + " stored after " + String.format("%.1f", c.doneAfter()) + " s"
                    + (c.tooShort() ? " — TOO SHORT to measure: stored within " + String.format("%.1f", c.doneAfter() - c.firstSeenAfter())
                            + " s, and the once-a-second poll errs by up to 1 s; give a larger --ingest-events" : "")));
            last = c;
        }
        List<String> seconds = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (double[] sample : last.samples()) {
            seconds.add(String.format("%.0f", sample[0]));
            counts.add(sample[1]);
        }
        return new WorkloadResult(id(), "audit ingest",
                s.ingestEvents() + " well-formed CloudEvents (type " + BenchTopic.TYPE + ", 1,000 subjects) are produced to a fresh topic "
                        + "bench-<time>-ingest-<run>.events with " + s.ingestPartitions() + " partition(s) before audit-service "
                        + "subscribes to it (its pattern subscription finds new topics within metadata.max.age.ms). The rate counts "
                        + "from the first stored record to the last, read from the chain heads (GET /api/v1/audit/chains, once a second).",
                List.of(Figure.of("ingest", "events/s", rate).withTarget(Target.atLeast(10_000, "≥ 10,000/s")),
                        Figure.of("pre-fill (Kafka producer)", "events/s", produce),
                        Figure.of("pick-up delay of a new topic", "s", pickUp)),
                List.of(new Chart("records stored, last run", Chart.Kind.LINES, "seconds after the topic was filled", "records",
                        seconds, List.of(new Chart.Series("stored", counts)))),
                notes);
    }
}
