package cn.minzheng.audit.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The timeline's typed view writes the JSON the Map it replaced wrote (issue 15 item 5): the same
 * fields in the same order, nulls written, {@code indexed} absent until the index is compared.
 */
class TimelineViewJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void fieldsAndOrderAsBefore() {
        TimelineIntegrity.Finding finding = new TimelineIntegrity.Finding("e2", "assistance.events-0", 7L, "mac-invalid");
        TimelineIntegrity.Report report = new TimelineIntegrity.Report(false, "checked", true, 1, 0, List.of(finding),
                List.of("e9"), List.of(), List.of());
        TimelineView.Entry indexed = new TimelineView.Entry("2026-03-01T00:00:00Z", "t", "S-1", "a", "CLERK", "421303",
                null, "ACCEPTED", null, "assistance.events-0", 6, "h", "e1", null, Map.of("status", 1), "verified", true);
        TimelineView.Entry beforeIndex = new TimelineView.Entry("2026-03-01T00:00:00Z", "t", "S-1", "a", "CLERK",
                "421303", null, null, null, "assistance.events-0", 7, "h", "e2", null, null, "mac-invalid", null);
        String json = JSON.writeValueAsString(new TimelineView("S-1", 2, List.of(indexed, beforeIndex), report, "r1"));

        assertThat(json).isEqualTo("{\"subject\":\"S-1\",\"count\":2,\"entries\":["
                + "{\"time\":\"2026-03-01T00:00:00Z\",\"timeChina\":\"2026-03-01T08:00:00+08:00\",\"type\":\"t\",\"typeName\":\"t\",\"subject\":\"S-1\",\"actorId\":\"a\","
                + "\"actorRole\":\"CLERK\",\"regionCode\":\"421303\",\"fromStatus\":null,\"toStatus\":\"ACCEPTED\","
                + "\"reason\":null,\"chain\":\"assistance.events-0\",\"sequence\":6,\"hash\":\"h\",\"eventId\":\"e1\","
                + "\"traceId\":null,\"changes\":{\"status\":1},\"integrity\":\"verified\",\"indexed\":true},"
                + "{\"time\":\"2026-03-01T00:00:00Z\",\"timeChina\":\"2026-03-01T08:00:00+08:00\",\"type\":\"t\",\"typeName\":\"t\",\"subject\":\"S-1\",\"actorId\":\"a\","
                + "\"actorRole\":\"CLERK\",\"regionCode\":\"421303\",\"fromStatus\":null,\"toStatus\":null,"
                + "\"reason\":null,\"chain\":\"assistance.events-0\",\"sequence\":7,\"hash\":\"h\",\"eventId\":\"e2\","
                + "\"traceId\":null,\"changes\":null,\"integrity\":\"mac-invalid\"}],"
                + "\"integrity\":{\"verified\":false,\"checked\":\"checked\",\"indexCompared\":true,"
                + "\"entriesVerified\":1,\"entriesWithoutMac\":0,"
                + "\"failedEntries\":[{\"eventId\":\"e2\",\"chain\":\"assistance.events-0\",\"sequence\":7,"
                + "\"problem\":\"mac-invalid\"}],\"missingRecords\":[\"e9\"],\"notInIndex\":[],\"notThisSubject\":[]},"
                + "\"readRecordedAs\":\"r1\"}");
    }
}
