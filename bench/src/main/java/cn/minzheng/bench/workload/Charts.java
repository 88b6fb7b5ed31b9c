package cn.minzheng.bench.workload;

import cn.minzheng.bench.load.LoadRun;
import cn.minzheng.bench.measure.LatencySummary;
import cn.minzheng.bench.report.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The two charts most workloads show: latency percentiles and completions per second. */
final class Charts {

    private Charts() {
    }

    static Chart percentiles(String title, Map<String, LatencySummary> byLabel) {
        List<Chart.Series> series = new ArrayList<>();
        byLabel.forEach((label, l) -> series.add(new Chart.Series(label, List.of(l.p50(), l.p90(), l.p99(), l.p999(), l.max()))));
        return new Chart(title, Chart.Kind.BARS, "percentile", "ms", List.of("p50", "p90", "p99", "p99.9", "max"), series);
    }

    static Chart perSecond(String title, Map<String, LoadRun> byLabel) {
        int n = byLabel.values().stream().mapToInt(r -> r.okPerSecond().length).max().orElse(0);
        List<String> seconds = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            seconds.add(Integer.toString(i));
        }
        List<Chart.Series> series = new ArrayList<>();
        byLabel.forEach((label, r) -> {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                v.add(i < r.okPerSecond().length ? (double) r.okPerSecond()[i] : Double.NaN);
            }
            series.add(new Chart.Series(label, v));
        });
        return new Chart(title, Chart.Kind.LINES, "second of the measured window", "per second", seconds, series);
    }
}
