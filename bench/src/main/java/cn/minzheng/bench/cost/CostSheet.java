package cn.minzheng.bench.cost;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU milliseconds per operation for each component over one measured window: the CPU time the
 * process used between the window's start and end divided by the operations completed in it. The
 * CPU time of a process includes everything it did meanwhile (background work, GC, the audit
 * trail's ingest of the events the operations caused), which is the cost an operator pays.
 *
 * @param perOperation component → CPU ms per operation, in the order the components were listed
 * @param operations   operations completed in the window
 * @param windowSeconds the window's length
 */
public record CostSheet(Map<String, Double> perOperation, long operations, double windowSeconds) {

    public static final String LOAD_GENERATOR = "load generator";

    public CostSheet {
        perOperation = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perOperation));
    }

    public static CostSheet between(CpuSnapshot before, CpuSnapshot after, long operations, double windowSeconds) {
        Map<String, Double> out = new LinkedHashMap<>();
        before.cpu().forEach((name, start) -> {
            Duration end = after.cpu().get(name);
            if (end != null && operations > 0) {
                out.put(name, (end.minus(start).toNanos() / 1e6) / operations);
            }
        });
        return new CostSheet(out, operations, windowSeconds);
    }

    /** The component's CPU ms per operation, NaN when it was not measured. */
    public double of(String component) {
        return perOperation.getOrDefault(component, Double.NaN);
    }

    /** Every component but the load generator: what the platform spends per operation. */
    public double platformTotal() {
        return perOperation.entrySet().stream().filter(e -> !LOAD_GENERATOR.equals(e.getKey()))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** "gateway 0.41, assistance-service 1.02, … ms CPU per operation". */
    public String describe() {
        if (perOperation.isEmpty()) {
            return "no CPU measured";
        }
        return perOperation.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "", " ms CPU per operation"))
                + String.format(" (platform total %.3f, %d operations)", platformTotal(), operations);
    }

    public static List<String> componentsOf(List<CostSheet> sheets) {
        return sheets.stream().flatMap(s -> s.perOperation().keySet().stream()).distinct().toList();
    }
}
