package cn.minzheng.audit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordQueryTest {

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
        "limit, 0, /limit",
        "limit, 201, /limit",
        "limit, ten, /limit",
        "region, 42a, /region",
        "region, 1234567890123, /region",
        "type, 'DROP TABLE', /type",
        "from, yesterday, /from",
        "to, 2026-13-01T00:00:00Z, /to",
        "cursor, '!!!', /cursor",
        "cursor, bm9jb2xvbg, /cursor"
    })
    void badParametersAreNamedByPointer(String field, String value, String pointer) {
        RecordQuery.Parsed parsed = parse(field, value);
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.errors()).extracting(RecordQuery.FieldError::pointer).containsExactly(pointer);
    }

    @Test
    void anEmptyRangeIsRefused() {
        RecordQuery.Parsed parsed = RecordQuery.parse(null, null, null, null, "2026-03-02T00:00:00+08:00",
                "2026-03-01T00:00:00+08:00", null, null);
        assertThat(parsed.errors()).extracting(RecordQuery.FieldError::code).containsExactly("range-empty");
    }

    @Test
    void goodParametersMakeAQuery() {
        RecordQuery q = RecordQuery.parse(" clerk-1 ", "minzheng.assistance.application.accepted.v1", "421303", null,
                "2026-03-01T00:00:00+08:00", null, null, "20").query();
        assertThat(q.actor()).isEqualTo("clerk-1");
        assertThat(q.from()).isEqualTo(Instant.parse("2026-02-28T16:00:00Z"));
        assertThat(q.limit()).isEqualTo(20);
        assertThat(RecordQuery.parse(null, null, null, null, null, null, null, null).query().limit())
                .isEqualTo(RecordQuery.DEFAULT_LIMIT);
    }

    @Property(tries = 500)
    void cursorsRoundTrip(@ForAll long timeMs, @ForAll String id) {
        if (id.isEmpty()) {
            return;
        }
        RecordQuery.Cursor c = new RecordQuery.Cursor(timeMs, id);
        assertThat(RecordQuery.parse(null, null, null, null, null, null, c.encode(), null).query().after()).isEqualTo(c);
    }

    @Property(tries = 1000)
    void anyInputIsAQueryOrFieldErrorsNeverAnException(@ForAll String actor, @ForAll String region,
            @ForAll String from, @ForAll String cursor, @ForAll String limit) {
        RecordQuery.Parsed parsed = RecordQuery.parse(actor, null, region, null, from, null, cursor, limit);
        assertThat(parsed.ok()).isEqualTo(parsed.query() != null);
    }

    private static RecordQuery.Parsed parse(String field, String value) {
        return RecordQuery.parse(null, field.equals("type") ? value : null, field.equals("region") ? value : null, null,
                field.equals("from") ? value : null, field.equals("to") ? value : null,
                field.equals("cursor") ? value : null, field.equals("limit") ? value : null);
    }
}
