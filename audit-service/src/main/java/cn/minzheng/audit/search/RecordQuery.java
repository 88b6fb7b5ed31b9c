package cn.minzheng.audit.search;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A search of the trail: by actor, type, region prefix, subject and time range [from, to), read in
 * (time, id) order from an opaque cursor, at most {@code limit} records a page.
 */
public record RecordQuery(String actor, String type, String region, String subject, Instant from, Instant to,
        Cursor after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private static final Pattern REGION = Pattern.compile("\\d{1,12}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9.\\-]{1,120}");
    private static final int MAX_TEXT = 120;

    /** A field the caller got wrong: JSON pointer to the parameter, stable code, English message. */
    public record FieldError(String pointer, String code, String message) {
    }

    /** Where the previous page stopped. */
    public record Cursor(long timeMs, String id) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((timeMs + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0 || colon == plain.length() - 1) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new Cursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        }
    }

    /** Either a query or the list of what is wrong with the parameters. */
    public record Parsed(RecordQuery query, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }

        /** The query, or the 400 problem naming each bad parameter. */
        public RecordQuery orThrow() {
            if (!ok()) {
                throw new ValidationProblem(problems());
            }
            return query;
        }

        /** What is wrong, as the problem details' {@code errors[]}. */
        public List<FieldProblem> problems() {
            return errors.stream().map(e -> FieldProblem.withMessage(e.pointer(), e.code(), e.message())).toList();
        }
    }

    /** Reads raw request parameters (any may be null). */
    public static Parsed parse(String actor, String type, String region, String subject, String from, String to,
            String cursor, String limit) {
        List<FieldError> errors = new ArrayList<>();
        actor = text(actor, "/actor", errors);
        subject = text(subject, "/subject", errors);
        type = blankToNull(type);
        if (type != null && !TYPE.matcher(type).matches()) {
            errors.add(new FieldError("/type", "invalid-event-type", "type is an event type name"));
        }
        region = blankToNull(region);
        if (region != null && !REGION.matcher(region).matches()) {
            errors.add(new FieldError("/region", "invalid-region", "region is a prefix of 1 to 12 digits"));
        }
        Instant fromTime = instant(from, "/from", errors);
        Instant toTime = instant(to, "/to", errors);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.add(new FieldError("/to", "range-empty", "to must be after from"));
        }
        Cursor after = null;
        if (blankToNull(cursor) != null) {
            try {
                after = Cursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("/cursor", "invalid-cursor", "cursor is not one this service issued"));
            }
        }
        int size = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            try {
                size = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                errors.add(new FieldError("/limit", "invalid-limit", "limit is between 1 and " + MAX_LIMIT));
            }
        }
        return errors.isEmpty()
                ? new Parsed(new RecordQuery(actor, type, region, subject, fromTime, toTime, after, size), List.of())
                : new Parsed(null, List.copyOf(errors));
    }

    /** The same query continuing after {@code cursor}. */
    public RecordQuery after(Cursor cursor) {
        return new RecordQuery(actor, type, region, subject, from, to, cursor, limit);
    }

    /** The same query with the region replaced by the effective (scoped) prefix. */
    public RecordQuery withRegion(String prefix) {
        return new RecordQuery(actor, type, prefix, subject, from, to, after, limit);
    }

    private static String text(String value, String pointer, List<FieldError> errors) {
        value = blankToNull(value);
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError(pointer, "invalid-text", "at most " + MAX_TEXT + " printable characters"));
        }
        return value;
    }

    private static Instant instant(String value, String pointer, List<FieldError> errors) {
        value = blankToNull(value);
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(pointer, "invalid-time", "an RFC 3339 time, e.g. 2026-03-01T00:00:00+08:00"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
