package cn.minzheng.audit.statistics;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/audit/statistics}: the grouping, the effective (scoped) region and
 * range, the count per group in group order, and their total.
 */
@JsonPropertyOrder({"by", "region", "from", "to", "counts", "total"})
public record CountsView(String by, String region, String from, String to, Map<String, Long> counts, long total) {
}
