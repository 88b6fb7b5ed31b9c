package cn.minzheng.bench.measure;

import java.util.List;

/** Each reported figure is the median of its runs, so one disturbed run does not move it. */
public final class Medians {

    private Medians() {
    }

    /** The median of the finite values (NaN runs are failed runs and do not count); NaN if none. */
    public static double of(List<Double> values) {
        double[] finite = values.stream().filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int mid = finite.length / 2;
        return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2.0;
    }
}
