package cn.minzheng.bench.report;

import cn.minzheng.bench.machine.Machine;
import cn.minzheng.bench.measure.Figure;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** One self-contained HTML page: machine, settings, a table of figures against targets, charts. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(Machine machine, String settings, Instant at, List<WorkloadResult> results) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>民政 platform benchmarks</title>");
        h.append("<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                + "td.num{text-align:right}.met{color:#2a7d2a;font-weight:bold}.missed{color:#b22;font-weight:bold}"
                + "section{margin-top:2em}p.note{color:#555}</style></head><body>");
        h.append("<h1>民政 platform benchmarks</h1>");
        h.append("<p><b>Machine:</b> ").append(Html.escape(machine.summary())).append("<br><b>Run at:</b> ")
                .append(Html.escape(at.toString())).append("<br><b>Settings:</b> ").append(Html.escape(settings))
                .append("</p>");
        h.append("<p>Each figure is the median of the runs listed beside it. Targets are those of issue 8 on a 2-core machine.</p>");
        h.append("<table><tr><th>workload</th><th>figure</th><th>median</th><th>unit</th><th>runs</th><th>target</th><th>verdict</th></tr>");
        for (WorkloadResult r : results) {
            for (Figure f : r.figures()) {
                h.append("<tr><td>").append(Html.escape(r.id())).append("</td><td>").append(Html.escape(f.name()))
                        .append("</td><td class=\"num\">").append(Html.escape(Numbers.format(f.median())))
                        .append("</td><td>").append(Html.escape(f.unit())).append("</td><td>")
                        .append(Html.escape(f.runs().stream().map(Numbers::format).collect(Collectors.joining(" / "))))
                        .append("</td><td>").append(Html.escape(f.target() == null ? "" : f.target().text()))
                        .append("</td><td class=\"").append(f.verdict().name().toLowerCase().replace('_', '-'))
                        .append("\">").append(Html.escape(f.verdict().label())).append("</td></tr>");
            }
            if (r.figures().isEmpty()) {
                h.append("<tr><td>").append(Html.escape(r.id())).append("</td><td colspan=\"6\">not measured</td></tr>");
            }
        }
        h.append("</table>");
        for (WorkloadResult r : results) {
            h.append("<section><h2>").append(Html.escape(r.id() + " — " + r.title())).append("</h2>");
            if (!r.method().isEmpty()) {
                h.append("<p>").append(Html.escape(r.method())).append("</p>");
            }
            for (String note : r.notes()) {
                h.append("<p class=\"note\">").append(Html.escape(note)).append("</p>");
            }
            for (Chart c : r.charts()) {
                h.append("<figure>").append(SvgChart.render(c)).append("</figure>");
            }
            h.append("</section>");
        }
        h.append("</body></html>\n");
        return h.toString();
    }
}
