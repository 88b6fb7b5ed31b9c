package cn.minzheng.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.minzheng.bench.machine.Machine;
import cn.minzheng.bench.measure.Figure;
import cn.minzheng.bench.measure.Target;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRenderingTest {

    static final Machine MACHINE = new Machine(2, 24L * 1024 * 1024 * 1024, "OpenJDK 17", "Linux", "Test CPU");

    static WorkloadResult sample() {
        Figure rate = Figure.of("submissions", "applications/s", List.of(900.0, 1200.0, 1000.0))
                .withTarget(Target.atLeast(1000, "≥ 1,000/s"));
        Figure p99 = Figure.of("p99 <script>", "ms", List.of(12.5, 14.0, 13.0));
        Chart chart = new Chart("latency", Chart.Kind.BARS, "percentile", "ms", List.of("p50", "p99"),
                List.of(new Chart.Series("gateway", List.of(3.0, 12.0)), new Chart.Series("direct", List.of(2.0, Double.NaN))));
        return new WorkloadResult("2-submissions", "submissions", "how & why", List.of(rate, p99), List.of(chart),
                List.of("run 1: HTTP 429 ×3"));
    }

    @Test
    void theTableShowsTheMachineMedianRunsTargetAndVerdict() {
        String table = ConsoleTable.render(MACHINE, List.of(sample(), WorkloadResult.notRun("6-sweep", "sweep", "no seed API")));
        assertThat(table).startsWith("machine: 2 cores (Test CPU), 24.0 GiB RAM, OpenJDK 17, Linux");
        assertThat(table).contains("1,000").contains("900 / 1,200 / 1,000").contains("≥ 1,000/s").contains("met");
        assertThat(table).contains("6-sweep").contains("(not measured)").contains("[6-sweep] no seed API");
    }

    @Test
    void tableColumnsLineUpEvenWithChineseText() {
        WorkloadResult r = new WorkloadResult("x", "t", "", List.of(Figure.of("年检", "s", List.of(1.0)),
                Figure.of("ab", "s", List.of(2.0))), List.of(), List.of());
        String[] lines = ConsoleTable.render(MACHINE, List.of(r)).split("\n");
        // 年检 is four columns wide, like "abcd": the median column starts at the same display column
        assertThat(ConsoleTable.width(lines[3].substring(0, lines[3].indexOf("1.00"))))
                .isEqualTo(ConsoleTable.width(lines[4].substring(0, lines[4].indexOf("2.00"))));
    }

    @Test
    void theHtmlReportIsSelfContainedAndEscapesText() throws Exception {
        String html = HtmlReport.render(MACHINE, "runs 3", Instant.parse("2026-11-21T08:00:00Z"), List.of(sample()));
        assertThat(html).contains("2 cores").contains("p99 &lt;script&gt;").doesNotContain("<script")
                .contains("how &amp; why").contains("<svg").contains("class=\"met\"");
        assertThat(html).as("no external scripts, styles or images").doesNotContain("src=", "href=", "@import");
    }

    @Test
    void everyChartIsWellFormedXml() throws Exception {
        String svg = SvgChart.render(sample().charts().get(0));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        // three finite values → three bars; the NaN is a gap, not a bar
        assertThat(doc.getElementsByTagName("rect").getLength()).isEqualTo(3 + 2 /* legend */);
    }

    @Test
    void aSeriesMustHaveOneValuePerCategory() {
        assertThatThrownBy(() -> new Chart("t", Chart.Kind.LINES, "x", "y", List.of("a", "b"),
                List.of(new Chart.Series("s", List.of(1.0))))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "axis top for {0} is {1}")
    @CsvSource({"0, 1", "0.7, 1", "1, 1", "1.2, 2", "3, 5", "7, 10", "42, 50", "1234, 2000", "99999, 100000"})
    void theAxisEndsOnARoundNumber(double max, double top) {
        assertThat(SvgChart.niceCeiling(max)).isEqualTo(top);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiter = ';', value = {"12345.6;12,346", "123.4;123", "12.34;12.3", "1.234;1.23", "NaN;–"})
    void numbersKeepThreeSignificantDigits(double v, String text) {
        assertThat(Numbers.format(v)).isEqualTo(text);
    }
}
