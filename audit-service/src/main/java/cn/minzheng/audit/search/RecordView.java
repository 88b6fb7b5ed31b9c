package cn.minzheng.audit.search;

import cn.minzheng.platform.events.EventTypes;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.bson.Document;

/**
 * A record as search, timeline and CSV/XLSX show it: who did what, when, and where it sits in its chain.
 * {@code time} is the event's time as the chain holds it (what the record hash covers); {@code timeChina}
 * is the same instant at {@code +08:00}, and the CSV/XLSX time column shows that. {@code typeName} is the
 * type's Chinese name beside its code (the code itself for a type this version does not know).
 */
@JsonPropertyOrder({"time", "timeChina", "type", "typeName", "subject", "actorId", "actorRole", "regionCode", "fromStatus", "toStatus", "reason",
    "chain", "sequence", "hash", "eventId", "traceId"})
public record RecordView(String time, String type, String subject, String actorId, String actorRole,
        String regionCode, String fromStatus, String toStatus, String reason, String chain, long sequence,
        String hash, String eventId, String traceId) {

    public static RecordView of(Document d) {
        return new RecordView(d.getString("time"), d.getString("type"), d.getString("subject"), d.getString("actorId"),
                d.getString("actorRole"), d.getString("regionCode"), d.getString("fromStatus"), d.getString("toStatus"),
                d.getString("reason"), d.getString("chain"), ((Number) d.get("sequence")).longValue(),
                d.getString("hash"), d.getString("eventId"), d.getString("traceId"));
    }

    /** {@link #time} at {@code +08:00} (Asia/Shanghai): the same instant as people in China read it. */
    @JsonProperty("timeChina")
    public String timeChina() {
        return ChinaTime.of(time);
    }

    /** The Chinese name of {@link #type} ({@code 受理申请}), or the code for a type without one. */
    @JsonProperty("typeName")
    public String typeName() {
        return EventTypes.displayName(type);
    }

    /** Column headers for office tools, in Chinese, in the order of {@link #cells()}. */
    public static final String[] HEADERS = {"时间", "事件类型", "事件名称", "案件/组织编号", "操作人", "角色", "行政区划", "原状态",
        "新状态", "原因", "链", "序号", "哈希", "事件编号", "追踪编号"};

    public String[] cells() {
        return new String[] {timeChina(), type, typeName(), subject, actorId, actorRole, regionCode, fromStatus, toStatus, reason, chain,
            Long.toString(sequence), hash, eventId, traceId};
    }
}
