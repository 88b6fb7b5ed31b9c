package cn.minzheng.assistance.application;

import java.time.LocalDate;
import java.util.List;

/** 公示: starts on a day, ends after the configured number of days; objections reopen the investigation. */
public record Publicity(LocalDate startedOn, LocalDate endsOn, List<String> objections) {
    public Publicity {
        objections = objections == null ? List.of() : List.copyOf(objections);
    }
}
