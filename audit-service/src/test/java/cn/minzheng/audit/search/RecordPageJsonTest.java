package cn.minzheng.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A search page's typed view writes the JSON the Map it replaced wrote (issue 15 item 5). */
class RecordPageJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fieldsAndOrderAsBefore() {
        RecordView r = new RecordView("2026-03-01T00:00:00Z", "t", "S-1", "a", "CLERK", "421303", null, "ACCEPTED", null,
                "assistance.events-0", 6, "h", "e1", null);
        assertThat(JSON.writeValueAsString(new RecordPage(List.of(r), null))).isEqualTo("{\"items\":[{"
                + "\"time\":\"2026-03-01T00:00:00Z\",\"timeChina\":\"2026-03-01T08:00:00+08:00\",\"type\":\"t\",\"typeName\":\"t\",\"subject\":\"S-1\",\"actorId\":\"a\","
                + "\"actorRole\":\"CLERK\",\"regionCode\":\"421303\",\"fromStatus\":null,\"toStatus\":\"ACCEPTED\","
                + "\"reason\":null,\"chain\":\"assistance.events-0\",\"sequence\":6,\"hash\":\"h\",\"eventId\":\"e1\","
                + "\"traceId\":null}],\"nextCursor\":null}");
    }

    /** Issue 16 item 4: a catalogued type's Chinese name beside its code, in JSON and in the office columns. */
    @Test
    void typeNameBesideTheCode() {
        RecordView known = new RecordView("2026-03-01T00:00:00Z", "minzheng.assistance.application.accepted.v1", "S-1",
                "a", "CLERK", "421303", "SUBMITTED", "ACCEPTED", null, "assistance.events-0", 6, "h", "e1", null);
        RecordView unknown = new RecordView("2026-03-01T00:00:00Z", "minzheng.assistance.application.teleported.v1",
                "S-1", "a", "CLERK", "421303", null, null, null, "assistance.events-0", 7, "h", "e2", null);
        assertThat(JSON.writeValueAsString(known)).contains("\"type\":\"minzheng.assistance.application.accepted.v1\","
                + "\"typeName\":\"受理申请\",");
        assertThat(known.cells()).startsWith("2026-03-01T08:00:00+08:00", "minzheng.assistance.application.accepted.v1",
                "受理申请", "S-1");
        assertThat(RecordView.HEADERS).hasSameSizeAs(known.cells()).startsWith("时间", "事件类型", "事件名称");
        assertThat(unknown.typeName()).isEqualTo("minzheng.assistance.application.teleported.v1");
    }
}
