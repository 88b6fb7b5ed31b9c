package cn.minzheng.audit.projection;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The record-count projection as {@code GET /api/v1/audit/projections/record-counts} shows it: the
 * generation readers use ({@code active}, null before the first build is complete: the statistics
 * then count over the records), the one being built ({@code building}, null when none) with its
 * progress ({@code recordsDone} of {@code recordsTotal}, the chain and sequence it reached), and a
 * Chinese summary with what to do next ({@code statusText}).
 */
@JsonPropertyOrder({"status", "statusText", "active", "building", "recordsDone", "recordsTotal", "chain", "sequence",
    "reason", "startedAt", "completedAt", "updatedAt"})
public record RecordCountView(Integer active, Integer building, long recordsDone, long recordsTotal, String chain,
        Long sequence, String reason, String startedAt, String completedAt, String updatedAt) {

    /** {@code ready}, {@code rebuilding} (readers use the active generation meanwhile) or {@code building} (none yet). */
    @JsonProperty("status")
    public String status() {
        if (building == null) {
            return active == null ? "not-built" : "ready";
        }
        return active == null ? "building" : "rebuilding";
    }

    @JsonProperty("statusText")
    public String statusText() {
        return switch (status()) {
            case "ready" -> "记录计数投影可用（第" + active + "代），统计直接读取投影。";
            case "rebuilding" -> "正在重建第" + building + "代：已处理 " + recordsDone + " / " + recordsTotal
                    + " 条记录；重建期间统计仍读取第" + active + "代。请稍后再查询本页了解进度。";
            case "building" -> "正在首次建立：已处理 " + recordsDone + " / " + recordsTotal
                    + " 条记录；建立完成前统计逐条计数（较慢）。请稍后再查询本页了解进度。";
            default -> "记录计数投影尚未建立，统计逐条计数（较慢）。管理员可发起重建：POST /api/v1/audit/projections/record-counts/rebuild。";
        };
    }
}
