package cn.minzheng.audit.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The on-time projection as {@code GET /api/v1/audit/projections/on-time} shows it — the same members
 * as the record-count projection's state: the generation readers use ({@code active}, null before the
 * first build is complete: the on-time statistics then read every accepted case), the one being built
 * ({@code building}) with its progress ({@code recordsDone} of {@code recordsTotal}, the chain and
 * sequence it reached), and a Chinese summary with what to do next ({@code statusText}).
 */
@JsonPropertyOrder({"status", "statusText", "active", "building", "recordsDone", "recordsTotal", "chain", "sequence",
    "reason", "startedAt", "completedAt", "updatedAt"})
public record OnTimeProjectionView(Integer active, Integer building, long recordsDone, long recordsTotal, String chain,
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
            case "ready" -> "按时办结统计投影可用（第" + active + "代），按时办结率直接读取投影。";
            case "rebuilding" -> "正在重建第" + building + "代：已处理 " + recordsDone + " / " + recordsTotal
                    + " 条记录；重建期间按时办结率仍读取第" + active + "代。请稍后再查询本页了解进度。";
            case "building" -> "正在首次建立：已处理 " + recordsDone + " / " + recordsTotal
                    + " 条记录；建立完成前按时办结率逐案读取（较慢）。请稍后再查询本页了解进度。";
            default -> "按时办结统计投影尚未建立，按时办结率逐案读取（较慢）。管理员可发起重建：POST /api/v1/audit/projections/on-time/rebuild。";
        };
    }
}
