package cn.minzheng.bench.measure;

import java.util.List;

/**
 * One measured quantity: its value in every run, the median reported, and the target if there is one.
 *
 * @param runs one value per run; NaN marks a run that produced no value
 */
public record Figure(String name, String unit, List<Double> runs, Target target) {

    public Figure {
        runs = List.copyOf(runs);
    }

    public static Figure of(String name, String unit, List<Double> runs) {
        return new Figure(name, unit, runs, null);
    }

    public Figure withTarget(Target t) {
        return new Figure(name, unit, runs, t);
    }

    public double median() {
        return Medians.of(runs);
    }

    public Verdict verdict() {
        if (target == null) {
            return Verdict.NO_TARGET;
        }
        double m = median();
        if (Double.isNaN(m)) {
            return Verdict.NOT_MEASURED;
        }
        return target.metBy(m) ? Verdict.MET : Verdict.MISSED;
    }

    public enum Verdict {
        MET("met"), MISSED("missed"), NO_TARGET(""), NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
