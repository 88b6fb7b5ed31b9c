package cn.minzheng.bench.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostSheetTest {

    static CpuSnapshot snapshot(long gatewayMs, long serviceMs, long loadMs) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("gateway", Duration.ofMillis(gatewayMs));
        cpu.put("assistance-service", Duration.ofMillis(serviceMs));
        cpu.put(CostSheet.LOAD_GENERATOR, Duration.ofMillis(loadMs));
        return new CpuSnapshot(cpu);
    }

    @Test
    void cpuUsedInTheWindowDividedByTheOperationsInIt() {
        CostSheet sheet = CostSheet.between(snapshot(1_000, 5_000, 200), snapshot(7_000, 17_000, 3_200), 20_000, 20);
        assertThat(sheet.of("gateway")).isCloseTo(0.3, within(1e-9));
        assertThat(sheet.of("assistance-service")).isCloseTo(0.6, within(1e-9));
        assertThat(sheet.platformTotal()).as("the load generator is not the platform's cost").isCloseTo(0.9, within(1e-9));
        assertThat(sheet.describe()).startsWith("assistance-service 0.600, gateway 0.300, load generator 0.150");
    }

    @Test
    void aComponentThatStoppedInTheWindowIsLeftOutAndNoOperationsMeansNoFigures() {
        Map<String, Duration> after = new LinkedHashMap<>(snapshot(2_000, 6_000, 300).cpu());
        after.remove("gateway");
        CostSheet sheet = CostSheet.between(snapshot(1_000, 5_000, 200), new CpuSnapshot(after), 1_000, 10);
        assertThat(sheet.of("gateway")).isNaN();
        assertThat(sheet.of("assistance-service")).isCloseTo(1.0, within(1e-9));
        assertThat(CostSheet.between(snapshot(1, 1, 1), snapshot(2, 2, 2), 0, 10).perOperation()).isEmpty();
    }
}
