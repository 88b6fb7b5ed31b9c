package cn.minzheng.assistance.application;

import java.time.Instant;
import java.util.List;

/** 一次性告知: every missing item, told once. */
public record SupplementRequest(List<String> missingItems, Instant requestedAt, String requestedBy) {
    public SupplementRequest {
        missingItems = List.copyOf(missingItems);
    }
}
