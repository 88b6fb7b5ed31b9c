package cn.minzheng.bench;

import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Endpoints;
import cn.minzheng.bench.machine.Machine;
import cn.minzheng.bench.report.ConsoleTable;
import cn.minzheng.bench.report.HtmlReport;
import cn.minzheng.bench.report.WorkloadResult;
import cn.minzheng.bench.workload.AuditIngest;
import cn.minzheng.bench.workload.AuditLag;
import cn.minzheng.bench.workload.AuditVerify;
import cn.minzheng.bench.workload.GatewayOverhead;
import cn.minzheng.bench.workload.InspectionSweep;
import cn.minzheng.bench.workload.Overload;
import cn.minzheng.bench.workload.StandardRecalculationRun;
import cn.minzheng.bench.workload.Submissions;
import cn.minzheng.bench.workload.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the chosen workloads against a running devstack, prints the table and writes report.html. */
public final class Bench {

    private static final Map<String, Workload> WORKLOADS = Map.of("gateway", new GatewayOverhead(),
            "submissions", new Submissions(), "lag", new AuditLag(), "ingest", new AuditIngest(),
            "verify", new AuditVerify(), "sweep", new InspectionSweep(), "overload", new Overload(),
            "recalculation", new StandardRecalculationRun());

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(64);
            return;
        }
        Machine machine = Machine.current();
        System.out.println("machine: " + machine.summary());
        System.out.println("settings: " + settings.describe());
        Instant at = Instant.now();
        List<WorkloadResult> results = new ArrayList<>();
        try (Devstack devstack = new Devstack(Endpoints.defaults(), Math.max(256, settings.clients() * 4))) {
            for (String name : settings.workloads()) {
                Workload w = WORKLOADS.get(name);
                System.out.println("… " + w.id());
                long start = System.nanoTime();
                WorkloadResult result;
                try {
                    result = w.run(devstack, settings);
                } catch (RuntimeException e) {
                    result = WorkloadResult.notRun(w.id(), name, "failed: " + e);
                }
                System.out.printf("  done in %.0f s%n", (System.nanoTime() - start) / 1e9);
                results.add(result);
                write(settings.reportDir(), machine, settings, at, results);
            }
        }
        System.out.println();
        System.out.print(ConsoleTable.render(machine, results));
        System.out.println("report: " + settings.reportDir().resolve("report.html").toAbsolutePath());
    }

    /** Rewritten after every workload, so a long run that is stopped still leaves its figures. */
    private static void write(Path dir, Machine machine, Settings settings, Instant at, List<WorkloadResult> results)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.html"), HtmlReport.render(machine, settings.describe(), at, results),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.txt"), ConsoleTable.render(machine, results), StandardCharsets.UTF_8);
    }
}
