package cn.minzheng.bench.report;

import java.util.List;

/** A chart of one or more series over shared categories (percentiles, seconds, runs). */
public record Chart(String title, Kind kind, String xLabel, String yUnit, List<String> categories, List<Series> series) {

    public enum Kind { BARS, LINES }

    /** One named series; NaN values are gaps. */
    public record Series(String label, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public Chart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.label() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }
}
