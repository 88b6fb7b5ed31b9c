package cn.minzheng.bench.report;

import java.util.List;
import java.util.Locale;

/** Renders a {@link Chart} as inline SVG: no script, no external resource, readable in any browser. */
public final class SvgChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 56;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    private SvgChart() {
    }

    public static String render(Chart chart) {
        double max = chart.series().stream().flatMap(s -> s.values().stream())
                .filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceCeiling(max);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.append("<title>").append(Html.escape(chart.title())).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"16\" font-size=\"13\" font-weight=\"bold\">")
                .append(Html.escape(chart.title())).append("</text>");
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"")
                    .append(f(y)).append("\" y2=\"").append(f(y)).append("\" stroke=\"#ddd\"/>");
            svg.append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.escape(Numbers.format(v))).append("</text>");
        }
        svg.append("<text x=\"12\" y=\"").append(TOP + plotH / 2).append("\" transform=\"rotate(-90 12 ")
                .append(TOP + plotH / 2).append(")\" text-anchor=\"middle\">").append(Html.escape(chart.yUnit()))
                .append("</text>");
        int n = chart.categories().size();
        double slot = n == 0 ? plotW : (double) plotW / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int c = 0; c < n; c++) {
            if (c % labelEvery == 0) {
                svg.append("<text x=\"").append(f(LEFT + slot * (c + 0.5))).append("\" y=\"").append(TOP + plotH + 14)
                        .append("\" text-anchor=\"middle\">").append(Html.escape(chart.categories().get(c))).append("</text>");
            }
        }
        svg.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + plotH + 30)
                .append("\" text-anchor=\"middle\">").append(Html.escape(chart.xLabel())).append("</text>");
        List<Chart.Series> series = chart.series();
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS[s % COLOURS.length];
            List<Double> values = series.get(s).values();
            if (chart.kind() == Chart.Kind.BARS) {
                double barW = slot * 0.8 / Math.max(1, series.size());
                for (int c = 0; c < n; c++) {
                    double v = values.get(c);
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    double h = top == 0 ? 0 : plotH * v / top;
                    svg.append("<rect x=\"").append(f(LEFT + slot * c + slot * 0.1 + barW * s)).append("\" y=\"")
                            .append(f(TOP + plotH - h)).append("\" width=\"").append(f(barW)).append("\" height=\"")
                            .append(f(h)).append("\" fill=\"").append(colour).append("\"><title>")
                            .append(Html.escape(series.get(s).label() + " " + chart.categories().get(c) + ": "
                                    + Numbers.format(v) + " " + chart.yUnit()))
                            .append("</title></rect>");
                }
            } else {
                StringBuilder points = new StringBuilder();
                for (int c = 0; c < n; c++) {
                    double v = values.get(c);
                    if (!Double.isFinite(v)) {
                        continue;
                    }
                    double h = top == 0 ? 0 : plotH * v / top;
                    points.append(f(LEFT + slot * (c + 0.5))).append(',').append(f(TOP + plotH - h)).append(' ');
                }
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour)
                        .append("\" points=\"").append(points.toString().trim()).append("\"/>");
            }
            int lx = LEFT + s * 150;
            svg.append("<rect x=\"").append(lx).append("\" y=\"").append(HEIGHT - 14).append("\" width=\"10\" height=\"10\" fill=\"")
                    .append(colour).append("\"/><text x=\"").append(lx + 14).append("\" y=\"").append(HEIGHT - 5)
                    .append("\">").append(Html.escape(series.get(s).label())).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The smallest 1, 2 or 5 × 10^k at or above the value, so the axis has round numbers. */
    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
