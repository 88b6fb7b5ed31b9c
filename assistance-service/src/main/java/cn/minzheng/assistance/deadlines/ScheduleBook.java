package cn.minzheng.assistance.deadlines;

import cn.minzheng.assistance.standards.Program;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Each program's steps and limits, as data: a program-wide default and optional regional overrides
 * (a region may promise shorter limits, or devolve decisions to the 乡镇 with a shorter whole-case limit).
 */
public final class ScheduleBook {
    /** A region's overrides for one program. */
    public record RegionalLimits(Program program, String regionPrefix, Map<Step, StepLimit> limits) {
    }

    private final Map<Program, Map<Step, StepLimit>> defaults;
    private final List<RegionalLimits> regional;

    public ScheduleBook(Map<Program, Map<Step, StepLimit>> defaults, List<RegionalLimits> regional) {
        this.defaults = Map.copyOf(defaults);
        this.regional = List.copyOf(regional);
    }

    public Map<Step, StepLimit> limits(Program program, String regionCode) {
        Map<Step, StepLimit> out = new EnumMap<>(Step.class);
        out.putAll(defaults.getOrDefault(program, Map.of()));
        regional.stream()
                .filter(r -> r.program() == program && regionCode.startsWith(r.regionPrefix()))
                .sorted(Comparator.comparingInt(r -> r.regionPrefix().length()))
                .forEach(r -> out.putAll(r.limits()));
        return out;
    }
}
