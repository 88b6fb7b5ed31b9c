package cn.minzheng.bench.cost;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The CPU time each component had used at one moment. */
public record CpuSnapshot(Map<String, Duration> cpu) {

    public CpuSnapshot {
        cpu = Map.copyOf(cpu);
    }

    static CpuSnapshot of(List<Component> components) {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (Component c : components) {
            c.cpu().ifPresent(d -> out.put(c.name(), d));
        }
        return new CpuSnapshot(out);
    }
}
