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
                + "\"time\":\"2026-03-01T00:00:00Z\",\"timeChina\":\"2026-03-01T08:00:00+08:00\",\"type\":\"t\",\"subject\":\"S-1\",\"actorId\":\"a\","
                + "\"actorRole\":\"CLERK\",\"regionCode\":\"421303\",\"fromStatus\":null,\"toStatus\":\"ACCEPTED\","
                + "\"reason\":null,\"chain\":\"assistance.events-0\",\"sequence\":6,\"hash\":\"h\",\"eventId\":\"e1\","
                + "\"traceId\":null}],\"nextCursor\":null}");
    }
}
