package cn.minzheng.bench.workload;

import cn.minzheng.bench.Settings;
import cn.minzheng.bench.devstack.Devstack;
import cn.minzheng.bench.devstack.Reply;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import cn.minzheng.bench.report.WorkloadResult;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * 6. The 年检 after-deadline sweep over {@code --orgs} organizations (100,000 by default). They are
 * seeded once through org-service's devstack-only fixtures endpoint (ADMIN,
 * {@code minzheng.org.fixtures.enabled}; registered organizations with valid unique names and credit
 * codes, no events) into a bench authority, registered five years ago so no campaign year exempts
 * them. Each run opens the campaign of another past year and sweeps it: every organization is
 * examined, none has filed, so each is put on the 活动异常名录 (and from the second year on proposed
 * for 撤销登记) with its events; the time runs from the 202 until the campaign shows SWEPT.
 */
public final class InspectionSweep implements Workload {

    static final Duration SWEEP_TIMEOUT = Duration.ofMinutes(20);
    static final Duration SEED_TIMEOUT = Duration.ofMinutes(20);
    /** 天门市: an authority of its own, so the county's other organizations do not mix in. */
    static final String AUTHORITY = "429006";

    @Override
    public String id() {
        return "6-sweep";
    }

    @Override
    public WorkloadResult run(Devstack d, Settings s) {
        String org = d.endpoints().org() + "/api/v1/orgs";
        String admin = d.token("bench-admin", "压测管理员", List.of("ADMIN"), AUTHORITY).block(Duration.ofSeconds(30));
        String registrar = d.token("bench-registrar", "登记压测", List.of("REGISTRAR"), AUTHORITY)
                .block(Duration.ofSeconds(30));
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<String> notes = new ArrayList<>();
        long fillStart = System.nanoTime();
        // straight to org-service: seeding 100k takes longer than the gateway's 5 s time limit
        Reply seeded = d.post(org + "/admin/fixtures/organizations", admin,
                Map.of("count", s.organizations(), "region", AUTHORITY, "regionName", "天门市",
                        "registeredOn", (thisYear - 5) + "-03-01", "type", "SOCIAL_GROUP"),
                Map.of("Idempotency-Key", "bench-sweep-" + AUTHORITY + "-" + s.organizations()), SEED_TIMEOUT)
                .block(SEED_TIMEOUT.plusSeconds(10));
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        if (seeded == null || !seeded.ok()) {
            notes.add("seeding failed: " + (seeded == null ? "no answer" : seeded.status() + " " + seeded.text())
                    + " — is the devstack's org-service started with minzheng.org.fixtures.enabled=true?");
            return new WorkloadResult(id(), "annual-inspection sweep", description(), List.of(), List.of(), notes);
        }
        JsonNode seed = Devstack.json(seeded);
        long present = seed.path("inserted").asLong() + seed.path("alreadyPresent").asLong();
        notes.add("seeded " + seed.path("inserted").asLong() + " organizations (" + seed.path("alreadyPresent").asLong()
                + " already present from an earlier bench run) in " + String.format("%.1f", fillSeconds) + " s, authority "
                + AUTHORITY + ", registered " + (thisYear - 5) + "-03-01");
        List<Double> seconds = new ArrayList<>(), examined = new ArrayList<>();
        int year = thisYear - 1;
        for (int r = 1; r <= s.runs(); r++) {
            Reply opened = null;
            for (int tries = 0; tries < 4; tries++, year--) {
                opened = d.post(org + "/inspection-campaigns", registrar, Map.of("authorityCode", AUTHORITY, "year", year),
                        Map.of()).block(Duration.ofSeconds(30));
                if (opened == null || opened.status() != 409) {
                    break;
                }
            }
            if (opened == null || !opened.ok()) {
                notes.add("run " + r + ": could not open a campaign (a campaign per year; reset the devstack to run again): "
                        + (opened == null ? "no answer" : opened.status() + " " + opened.text()));
                seconds.add(Double.NaN);
                continue;
            }
            String id = Devstack.json(opened).path("id").asString();
            year--;
            long start = System.nanoTime();
            Reply started = d.post(org + "/inspection-campaigns/" + id + "/sweep", registrar, new byte[0],
                    Map.of("If-Match", opened.etag())).block(Duration.ofSeconds(30));
            if (started == null || started.status() != 202) {
                notes.add("run " + r + ": sweep of " + id + " not started: " + (started == null ? "no answer" : started.status() + " " + started.text()));
                seconds.add(Double.NaN);
                continue;
            }
            JsonNode campaign = null;
            long lastReport = start;
            while (System.nanoTime() - start < SWEEP_TIMEOUT.toNanos()) {
                Reply now = d.get(org + "/inspection-campaigns/" + id, registrar).block(Duration.ofSeconds(30));
                if (now != null && now.ok()) {
                    campaign = Devstack.json(now);
                    if ("SWEPT".equals(campaign.path("status").asString())) {
                        break;
                    }
                    if (System.nanoTime() - lastReport > Duration.ofSeconds(30).toNanos()) {
                        lastReport = System.nanoTime();
                        System.out.printf("  sweep %s: %s after %.0f s%n", id, campaign.path("progress"),
                                (lastReport - start) / 1e9);
                    }
                }
                Submissions.sleep(Duration.ofMillis(200));
            }
            double took = (System.nanoTime() - start) / 1e9;
            boolean done = campaign != null && "SWEPT".equals(campaign.path("status").asString());
            seconds.add(done ? took : Double.NaN);
            examined.add(campaign == null ? Double.NaN : campaign.path("progress").path("examined").asDouble());
            notes.add("run " + r + ": campaign " + id + (done ? " swept in " + String.format("%.2f", took) + " s" : " not swept within "
                    + SWEEP_TIMEOUT.toMinutes() + " min") + ", progress " + (campaign == null ? "?" : campaign.path("progress")));
        }
        return new WorkloadResult(id(), "annual-inspection sweep", description(),
                List.of(sweepFigure(seconds, present, examined),
                        Figure.of("organizations examined", "organizations", examined),
                        Figure.of("organizations in the authority", "organizations", List.of((double) present))),
                List.of(), notes);
    }

    private static String description() {
        return "Organizations seeded once through org-service's devstack-only fixtures endpoint (POST "
                + "/api/v1/orgs/admin/fixtures/organizations, ADMIN, straight to :8082) into authority " + AUTHORITY
                + ", registered five years ago; per run the campaign of another past year is opened and POST …/sweep "
                + "started; the time runs from the 202 until GET …/inspection-campaigns/{id} shows SWEPT (polled every 200 ms). "
                + "Every organization is a non-filer: listed on the 活动异常名录 with its events (from the second run on also "
                + "proposed for 撤销登记).";
    }

    /**
     * The ≤ 10 s target is for 100k organizations each examined; a sweep that examined fewer is
     * shown without a verdict rather than as a pass it did not earn.
     */
    static Figure sweepFigure(List<Double> seconds, long registered, List<Double> examined) {
        double leastExamined = examined.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Figure f = Figure.of("sweep", "s", seconds);
        return registered >= 100_000 && leastExamined >= 100_000 ? f.withTarget(Target.atMost(10, "≤ 10 s (100k orgs)")) : f;
    }
}
