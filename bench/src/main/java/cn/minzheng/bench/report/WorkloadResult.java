package cn.minzheng.bench.report;

import cn.minzheng.bench.measure.Figure;
import java.util.List;

/**
 * What one workload measured: its figures (medians of the runs), charts and plain-language notes
 * (how it was measured, what bounds it, what could not be measured).
 */
public record WorkloadResult(String id, String title, String method, List<Figure> figures, List<Chart> charts,
        List<String> notes) {

    public WorkloadResult {
        figures = List.copyOf(figures);
        charts = List.copyOf(charts);
        notes = List.copyOf(notes);
    }

    /** A workload that could not run at all (service missing, API missing): the reason is the note. */
    public static WorkloadResult notRun(String id, String title, String reason) {
        return new WorkloadResult(id, title, "", List.of(), List.of(), List.of(reason));
    }
}
