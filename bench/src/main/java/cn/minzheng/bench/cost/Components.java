package cn.minzheng.bench.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devstack's processes, found by the port each listens on (docs/contracts.md), plus the load
 * generator itself. A component not found is named in {@link #missing()} and left out of the sheet.
 */
public record Components(List<Component> found, List<String> missing) {

    /** Name → port of the devstack's defaults. */
    public static Map<String, Integer> devstackPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", 8080);
        ports.put("assistance-service", 8081);
        ports.put("org-service", 8082);
        ports.put("audit-service", 8083);
        ports.put("registry-service", 8761);
        ports.put("token issuer", 9000);
        ports.put("kafka", 9092);
        ports.put("store", 27017);
        return ports;
    }

    public static Components discover(ListeningSockets sockets, Map<String, Integer> ports) {
        List<Component> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ports.forEach((name, port) -> {
            Optional<Long> pid = sockets.pidListeningOn(port);
            if (pid.isPresent()) {
                found.add(new Component(name, pid.get()));
            } else {
                missing.add(name + " (:" + port + ")");
            }
        });
        found.add(new Component(CostSheet.LOAD_GENERATOR, ProcessHandle.current().pid()));
        return new Components(List.copyOf(found), List.copyOf(missing));
    }

    public static Components ofDevstack() {
        return discover(ListeningSockets.system(), devstackPorts());
    }

    /** Every component's CPU time now. */
    public CpuSnapshot sample() {
        return CpuSnapshot.of(found);
    }
}
