package cn.minzheng.audit.timeline;

import cn.minzheng.audit.search.ChinaTime;
import cn.minzheng.platform.events.EventTypes;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/audit/timeline/{subject}}: the entries in order, the integrity
 * report of the whole answer ({@link TimelineIntegrity}) and the id of the event that recorded this
 * read.
 */
@JsonPropertyOrder({"subject", "count", "entries", "integrity", "readRecordedAs"})
public record TimelineView(String subject, int count, List<Entry> entries, TimelineIntegrity.Report integrity,
        String readRecordedAs) {

    /**
     * One record as the timeline shows it: the fields of {@code search.RecordView}, the event's
     * {@code changes}, its own {@code integrity} ({@code verified}, {@code no-mac} or what is wrong)
     * and, once the subjects index is compared, whether the index lists it ({@code indexed}; absent
     * before). {@code timeChina} is {@code time} at {@code +08:00}, the same instant;
     * {@code typeName} the type's Chinese name (its code when it has none).
     */
    @JsonPropertyOrder({"time", "timeChina", "type", "typeName", "subject", "actorId", "actorRole", "regionCode", "fromStatus", "toStatus",
        "reason", "chain", "sequence", "hash", "eventId", "traceId", "changes", "integrity", "indexed"})
    public record Entry(String time, String type, String subject, String actorId, String actorRole, String regionCode,
            String fromStatus, String toStatus, String reason, String chain, long sequence, String hash, String eventId,
            String traceId, Object changes, String integrity,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean indexed) {

        /** {@link #time} at {@code +08:00} (Asia/Shanghai): the same instant as people in China read it. */
        @JsonProperty("timeChina")
        public String timeChina() {
            return ChinaTime.of(time);
        }

        /** The Chinese name of {@link #type}, or the code for a type without one. */
        @JsonProperty("typeName")
        public String typeName() {
            return EventTypes.displayName(type);
        }
    }
}
