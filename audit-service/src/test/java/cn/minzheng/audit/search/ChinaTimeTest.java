package cn.minzheng.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Views show recorded instants at +08:00 (issue 16 item 4): the same instant, another offset. */
class ChinaTimeTest {

    @ParameterizedTest
    @CsvSource({
        "2026-03-01T00:00:00Z, 2026-03-01T08:00:00+08:00",
        "2026-12-31T16:00:00Z, 2027-01-01T00:00:00+08:00",
        "2026-03-01T00:00:00.120Z, 2026-03-01T08:00:00.12+08:00",
        "2026-03-01T00:00:00.000000001Z, 2026-03-01T08:00:00.000000001+08:00",
        "2026-03-01T10:00:00+02:00, 2026-03-01T16:00:00+08:00",
        "2026-03-01T08:00:00+08:00, 2026-03-01T08:00:00+08:00",
    })
    void sameInstantAtPlusEight(String recorded, String shown) {
        assertThat(ChinaTime.of(recorded)).isEqualTo(shown);
        assertThat(OffsetDateTime.parse(shown).toInstant()).isEqualTo(OffsetDateTime.parse(recorded).toInstant());
    }

    @ParameterizedTest
    @CsvSource({"not a time", "2026-03-01", "''"})
    void textThatIsNotAnInstantIsShownAsItIs(String text) {
        assertThat(ChinaTime.of(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(ChinaTime.of((String) null)).isNull();
        assertThat(ChinaTime.of((Instant) null)).isNull();
    }

    @Test
    void theOfficeExportsTimeColumnIsChinaTime() {
        RecordView r = new RecordView("2026-03-01T17:30:00Z", "t", "S-1", "a", "CLERK", "421303", null, "ACCEPTED", null,
                "assistance.events-0", 6, "h", "e1", null);
        assertThat(RecordView.HEADERS[0]).isEqualTo("时间");
        assertThat(r.cells()[0]).isEqualTo("2026-03-02T01:30:00+08:00");
        assertThat(r.time()).isEqualTo("2026-03-01T17:30:00Z");
    }
}
