package cn.minzheng.audit.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * A recorded instant as people in China read it: the same instant at offset {@code +08:00}
 * (Asia/Shanghai). Only views use it — the chain keeps the event's own {@code time} as recorded,
 * because the record hash and MAC are computed over that text, and re-rendering it would make every
 * record fail verification.
 */
public final class ChinaTime {

    /** 北京时间. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffsetId().toFormatter();

    private ChinaTime() {
    }

    /**
     * {@code instant} (ISO-8601, any offset) rendered at {@code +08:00}, e.g.
     * {@code 2026-03-01T00:00:00Z} → {@code 2026-03-01T08:00:00+08:00}; null stays null, and text that is not an instant is shown as
     * it is rather than hidden (its record's integrity says what is wrong).
     */
    public static String of(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return of(DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(instant, Instant::from));
        } catch (DateTimeException notAnInstant) {
            return instant;
        }
    }

    /** {@code instant} at {@code +08:00}, seconds always written, fractions only when there are some. */
    public static String of(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atZone(ZONE).toOffsetDateTime());
    }
}
