package cn.minzheng.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line settings. Defaults keep one full run short (about 10 s warm-up and 20 s window per
 * run, 3 runs); every size can be raised.
 */
public record Settings(List<String> workloads, int runs, Duration warmup, Duration warmupMax, Duration window, int clients, int tokenPool,
        double lagRate, Duration pollInterval, int ingestEvents, int ingestPartitions, long verifyRecords,
        String verifyChain, int organizations, Path reportDir, boolean submitDirect, int recalculationCases) {

    public static final List<String> ALL = List.of("gateway", "submissions", "lag", "sweep", "ingest", "verify", "overload",
            "recalculation");

    public static final String USAGE = """
            usage: run.sh [workload ...] [options]
              workloads: gateway submissions lag sweep ingest verify overload recalculation (default: all, in this order)
              --runs N              runs per workload, figures are medians (3)
              --warmup S            least warm-up seconds (10) for gateway and submissions; they warm up
                                    further until 3 steps of 5 s run within ±5 % of each other
              --warmup-max S        most warm-up seconds before measuring anyway, marked NOT steady (120)
              --window S            measured seconds (20)
              --clients N           concurrent clients for gateway and submissions (64)
              --token-pool N        distinct token subjects, the gateway rate-limits per subject (512)
              --lag-rate R          submissions/s offered in the lag workload (200)
              --poll-ms M           audit poll interval in the lag workload (50)
              --ingest-events N     events pre-filled per ingest run (200000: at least ~20 s of storing,
                                    so the once-a-second chain-head poll errs by a few % at most)
              --ingest-partitions N partitions of the pre-filled topic (1)
              --verify-records N    records in the chain the verify workload fills and checks (20000)
              --verify-chain C      verify an existing chain instead of filling one (e.g. assistance.events-0)
              --orgs N              organizations seeded for the 年检 sweep (100000; fixtures endpoint, devstack only)
              --recalc-cases N      active cases seeded for 调标 (100000; fixtures endpoint, devstack only)
              --via gateway|direct  where submissions and lag send their POSTs (gateway :8080, or direct to :8081)
              --report DIR          where report.html goes (bench/report)
            """;

    public static Settings parse(String[] args) {
        List<String> workloads = new ArrayList<>();
        int runs = 3;
        int warmup = 10;
        int warmupMax = 120;
        int window = 20;
        int clients = 64;
        int tokenPool = 512;
        double lagRate = 200;
        int pollMs = 50;
        int ingestEvents = 200_000;
        int ingestPartitions = 1;
        long verifyRecords = 20_000;
        String verifyChain = null;
        int orgs = 100_000;
        int recalcCases = 100_000;
        Path report = Path.of("bench", "report");
        boolean direct = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (!a.startsWith("--")) {
                if (!ALL.contains(a)) {
                    throw new IllegalArgumentException("unknown workload " + a + "\n" + USAGE);
                }
                workloads.add(a);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--runs" -> runs = positive(a, v);
                case "--warmup" -> warmup = nonNegative(a, v);
                case "--warmup-max" -> warmupMax = positive(a, v);
                case "--window" -> window = positive(a, v);
                case "--clients" -> clients = positive(a, v);
                case "--token-pool" -> tokenPool = positive(a, v);
                case "--lag-rate" -> lagRate = positive(a, v);
                case "--poll-ms" -> pollMs = positive(a, v);
                case "--ingest-events" -> ingestEvents = positive(a, v);
                case "--ingest-partitions" -> ingestPartitions = positive(a, v);
                case "--verify-records" -> verifyRecords = positive(a, v);
                case "--verify-chain" -> verifyChain = v;
                case "--orgs" -> orgs = positive(a, v);
                case "--recalc-cases" -> recalcCases = positive(a, v);
                case "--report" -> report = Path.of(v);
                case "--via" -> {
                    if (!v.equals("gateway") && !v.equals("direct")) {
                        throw new IllegalArgumentException("--via is gateway or direct\n" + USAGE);
                    }
                    direct = v.equals("direct");
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        List<String> chosen = workloads.isEmpty() ? ALL : ALL.stream().filter(workloads::contains).toList();
        return new Settings(chosen, runs, Duration.ofSeconds(warmup), Duration.ofSeconds(Math.max(warmup, warmupMax)),
                Duration.ofSeconds(window), clients, tokenPool,
                lagRate, Duration.ofMillis(pollMs), ingestEvents, ingestPartitions, verifyRecords, verifyChain, orgs,
                report, direct, recalcCases);
    }

    private static int positive(String name, String v) {
        int n = nonNegative(name, v);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return n;
    }

    private static int nonNegative(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + v);
        }
    }

    public String describe() {
        return "runs " + runs + ", warm-up " + warmup.toSeconds() + "–" + warmupMax.toSeconds() + " s (until steady), window " + window.toSeconds() + " s, "
                + clients + " clients, " + tokenPool + " token subjects, lag rate " + (long) lagRate + "/s, ingest "
                + ingestEvents + " events × " + ingestPartitions + " partition(s), verify "
                + (verifyChain != null ? "chain " + verifyChain : verifyRecords + " records") + ", sweep " + organizations
                + " organizations, 调标 " + recalculationCases + " cases, submissions via " + (submitDirect ? "assistance-service :8081 directly" : "the gateway");
    }
}
