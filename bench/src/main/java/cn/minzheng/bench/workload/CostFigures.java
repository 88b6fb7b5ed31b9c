package cn.minzheng.bench.workload;

import cn.minzheng.bench.cost.CostSheet;
import cn.minzheng.bench.measure.Figure;
import java.util.ArrayList;
import java.util.List;

/** The cost sheet of a workload as figures: CPU ms per operation of each component, one value per run. */
final class CostFigures {

    private CostFigures() {
    }

    /** One figure per component seen in any run, then the platform's total (load generator excluded). */
    static List<Figure> of(String operation, List<CostSheet> runs) {
        List<Figure> out = new ArrayList<>();
        for (String component : CostSheet.componentsOf(runs)) {
            out.add(Figure.of("CPU per " + operation + ": " + component, "ms", runs.stream().map(r -> r.of(component)).toList()));
        }
        out.add(Figure.of("CPU per " + operation + ": platform total", "ms", runs.stream().map(CostSheet::platformTotal).toList()));
        return out;
    }
}
