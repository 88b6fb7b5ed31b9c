package cn.minzheng.audit.statistics;

import cn.minzheng.audit.search.ChinaTime;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The answer of {@code GET /api/v1/audit/statistics}: the grouping, the effective (scoped) region and
 * range (also at {@code +08:00}: {@code fromChina}, {@code toChina}), the count per group in group order,
 * and their total.
 */
@JsonPropertyOrder({"by", "region", "from", "fromChina", "to", "toChina", "counts", "total"})
public record CountsView(String by, String region, String from, String to, Map<String, Long> counts, long total) {

    @JsonProperty("fromChina")
    public String fromChina() {
        return ChinaTime.of(from);
    }

    @JsonProperty("toChina")
    public String toChina() {
        return ChinaTime.of(to);
    }
}
