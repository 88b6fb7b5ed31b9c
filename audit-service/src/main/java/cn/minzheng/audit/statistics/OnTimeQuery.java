package cn.minzheng.audit.statistics;

import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The seven parameters of {@code GET /api/v1/audit/statistics/on-time}, parsed once: {@code by}
 * (service, program, region or period; default service), {@code period} (day, month or year; default
 * month), {@code service}, {@code region}, {@code from}, {@code to} (the acceptance time, read by
 * {@link RecordQuery#parse}) and {@code asOf} (RFC 3339; default now). Every bad parameter is named
 * in one 400 problem.
 *
 * @param grouping    by
 * @param granularity the period's length (used when grouping by period)
 * @param service     the one service counted, or null for all
 * @param acceptance  region and acceptance range (region not yet narrowed to the caller's scope)
 * @param asOf        the moment the figures stand at, or null for now
 */
public record OnTimeQuery(String grouping, String granularity, String service, RecordQuery acceptance, Instant asOf) {

    static final Set<String> GROUPINGS = Set.of("service", "program", "region", "period");
    static final Map<String, Function<LocalDate, String>> PERIODS = Map.of(
            "day", LocalDate::toString,
            "month", d -> d.toString().substring(0, 7),
            "year", d -> d.toString().substring(0, 4));
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /** The query, or the 400 problem naming each bad parameter (in the order of the parameters above). */
    public static OnTimeQuery parse(String by, String period, String service, String region, String from, String to,
            String asOf) {
        List<FieldProblem> errors = new ArrayList<>();
        String grouping = by == null || by.isBlank() ? "service" : by.trim();
        if (!GROUPINGS.contains(grouping)) {
            errors.add(FieldProblem.withMessage("/by", "invalid-on-time-grouping",
                    "by is one of service, program, region, period"));
        }
        String granularity = period == null || period.isBlank() ? "month" : period.trim();
        if (!PERIODS.containsKey(granularity)) {
            errors.add(FieldProblem.withMessage("/period", "invalid-period", "period is one of day, month, year"));
        }
        String serviceFilter = service == null || service.isBlank() ? null : service.trim();
        if (serviceFilter != null && !SERVICE.matcher(serviceFilter).matches()) {
            errors.add(FieldProblem.withMessage("/service", "invalid-service", "service is a name such as assistance or org"));
        }
        Instant asOfTime = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                asOfTime = OffsetDateTime.parse(asOf.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(FieldProblem.withMessage("/asOf", "invalid-time", "an RFC 3339 time, e.g. 2026-03-01T00:00:00+08:00"));
            }
        }
        RecordQuery.Parsed parsed = RecordQuery.parse(null, null, region, null, from, to, null, null);
        errors.addAll(parsed.problems());
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        return new OnTimeQuery(grouping, granularity, serviceFilter, parsed.query(), asOfTime);
    }

    /** The group a case counts in. */
    Function<HandlingCase, String> key() {
        Function<LocalDate, String> period = PERIODS.get(granularity);
        return switch (grouping) {
            case "service" -> HandlingCase::service;
            case "program" -> c -> c.program() == null ? OnTimeRates.UNKNOWN_PROGRAM : c.program();
            case "region" -> HandlingCase::regionCode;
            default -> c -> period.apply(c.acceptedDay());
        };
    }

    /** The group a case of the on-time projection counts in: the same as {@link #key()}. */
    Function<HandlingDays.Entry, String> entryKey() {
        Function<LocalDate, String> period = PERIODS.get(granularity);
        return switch (grouping) {
            case "service" -> HandlingDays.Entry::service;
            case "program" -> e -> e.program() == null ? OnTimeRates.UNKNOWN_PROGRAM : e.program();
            case "region" -> HandlingDays.Entry::regionCode;
            default -> e -> period.apply(e.acceptedDay());
        };
    }
}
