package cn.minzheng.audit.projection;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A projection that follows the chains ({@link ChainProjection}) as its state resource shows it
 * ({@code GET /api/v1/audit/projections/record-counts}, {@code …/on-time}): its status and a Chinese
 * summary with what to do next ({@code statusText}, in the projection's own words: {@link Kind}), the
 * generation readers use ({@code active}, null before the first build is complete: the readers then
 * take their slower path), the one being built ({@code building}, null when none) with its progress
 * ({@code recordsDone} of {@code recordsTotal}, the chain and sequence it reached).
 *
 * @param status {@code ready}, {@code rebuilding} (readers use the active generation meanwhile),
 *               {@code building} (none yet) or {@code not-built}
 */
@JsonPropertyOrder({"status", "statusText", "active", "building", "recordsDone", "recordsTotal", "chain", "sequence",
    "reason", "startedAt", "completedAt", "updatedAt"})
public record ProjectionStateView(String status, String statusText, Integer active, Integer building, long recordsDone,
        long recordsTotal, String chain, Long sequence, String reason, String startedAt, String completedAt,
        String updatedAt) {

    /**
     * What a projection is called in its texts, what reads it, how that reader answers without it, and
     * where it is rebuilt.
     */
    public enum Kind {
        RECORD_COUNTS("记录计数投影", "统计", "逐条计数", "/api/v1/audit/projections/record-counts/rebuild"),
        ON_TIME("按时办结统计投影", "按时办结率", "逐案读取", "/api/v1/audit/projections/on-time/rebuild");

        private final String name;
        private final String reader;
        private final String slowPath;
        private final String rebuildPath;

        Kind(String name, String reader, String slowPath, String rebuildPath) {
            this.name = name;
            this.reader = reader;
            this.slowPath = slowPath;
            this.rebuildPath = rebuildPath;
        }

        String statusText(String status, ChainProjection.BuildState s) {
            return switch (status) {
                case "ready" -> name + "可用（第" + s.active() + "代），" + reader + "直接读取投影。";
                case "rebuilding" -> "正在重建第" + s.building() + "代：已处理 " + s.recordsDone() + " / " + s.recordsTotal()
                        + " 条记录；重建期间" + reader + "仍读取第" + s.active() + "代。请稍后再查询本页了解进度。";
                case "building" -> "正在首次建立：已处理 " + s.recordsDone() + " / " + s.recordsTotal()
                        + " 条记录；建立完成前" + reader + slowPath + "（较慢）。请稍后再查询本页了解进度。";
                default -> name + "尚未建立，" + reader + slowPath + "（较慢）。管理员可发起重建：POST " + rebuildPath + "。";
            };
        }
    }

    /** The state of a projection of {@code kind}. */
    public static ProjectionStateView of(Kind kind, ChainProjection.BuildState s) {
        String status = s.building() == null ? (s.active() == null ? "not-built" : "ready")
                : (s.active() == null ? "building" : "rebuilding");
        return new ProjectionStateView(status, kind.statusText(status, s), s.active(), s.building(), s.recordsDone(),
                s.recordsTotal(), s.chain(), s.sequence(), s.reason(), s.startedAt(), s.completedAt(), s.updatedAt());
    }
}
