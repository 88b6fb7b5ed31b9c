package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.SearchController;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 按时办结率: on-time rates of accepted cases derived from the trail's events (acceptance with its
 * due date, the decision that stops the clock, withdrawal), grouped by service, program (or
 * organization type), region or period of acceptance, within the caller's region scope. The rule is
 * {@link HandlingCase#outcome}, the rate {@link OnTimeTally#rate}.
 */
@RestController
@RequestMapping("/api/v1/audit/statistics/on-time")
public class OnTimeController {

    static final Set<String> GROUPINGS = Set.of("service", "program", "region", "period");
    static final Map<String, Function<LocalDate, String>> PERIODS = Map.of(
            "day", LocalDate::toString,
            "month", d -> d.toString().substring(0, 7),
            "year", d -> d.toString().substring(0, 4));
    private static final Pattern SERVICE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final String UNKNOWN_PROGRAM = "unknown";
    static final String RULE = "a case counts from its acceptance; decided on time when the decision day (Asia/Shanghai)"
            + " is on or before dueDate; rate = onTime / (onTime + late + openOverdue); open cases within their limit,"
            + " acceptances without dueDate (unknown) and withdrawn cases are not in the rate; from/to select the"
            + " acceptance time; the figures are as they stood at asOf (default now)";

    private final HandlingCaseStore cases;
    private final Projections projections;
    private final Clock clock;

    public OnTimeController(HandlingCaseStore cases, Projections projections, Clock clock) {
        this.cases = cases;
        this.projections = projections;
        this.clock = clock;
    }

    @GetMapping
    public Mono<Map<String, Object>> rates(@RequestParam(name = "by", required = false) String by,
            @RequestParam(required = false) String period, @RequestParam(required = false) String service,
            @RequestParam(required = false) String region, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
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
        parsed.errors().forEach(e -> errors.add(FieldProblem.withMessage(e.pointer(), e.code(), e.message())));
        if (!errors.isEmpty()) {
            return Mono.error(new ValidationProblem(errors));
        }
        RecordQuery query = SearchController.parsed(parsed);
        Instant now = asOfTime == null ? clock.instant() : asOfTime;
        LocalDate today = now.atZone(HandlingCase.ZONE).toLocalDate();
        // a snapshot: cases accepted after asOf did not exist yet
        Instant acceptedBefore = query.to() == null || query.to().isAfter(now) ? now.plusMillis(1) : query.to();
        Function<HandlingCase, String> key = key(grouping, PERIODS.get(granularity));
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            if (!projections.ready()) {
                return Mono.error(new ProblemException(503, "projections-rebuilding"));
            }
            return cases.accepted(scoped.region(), serviceFilter, scoped.from(), acceptedBefore)
                    .reduce(new Tallies(), (t, c) -> t.add(key.apply(c), c.outcome(now)))
                    .map(t -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("by", grouping);
                        body.put("period", grouping.equals("period") ? granularity : null);
                        body.put("region", scoped.region());
                        body.put("service", serviceFilter);
                        body.put("from", scoped.from() == null ? null : scoped.from().toString());
                        body.put("to", scoped.to() == null ? null : scoped.to().toString());
                        body.put("asOf", now.toString());
                        body.put("today", today.toString());
                        body.put("rule", RULE);
                        Map<String, Object> groups = new LinkedHashMap<>();
                        t.groups.forEach((k, v) -> groups.put(k, v.toJson()));
                        body.put("groups", groups);
                        body.put("total", t.total.toJson());
                        return body;
                    });
        });
    }

    static Function<HandlingCase, String> key(String grouping, Function<LocalDate, String> period) {
        return switch (grouping) {
            case "service" -> HandlingCase::service;
            case "program" -> c -> c.program() == null ? UNKNOWN_PROGRAM : c.program();
            case "region" -> HandlingCase::regionCode;
            default -> c -> period.apply(c.acceptedDay());
        };
    }

    /** Per group and overall. */
    static final class Tallies {
        final Map<String, OnTimeTally> groups = new TreeMap<>();
        final OnTimeTally total = new OnTimeTally();

        Tallies add(String group, HandlingCase.Outcome outcome) {
            groups.computeIfAbsent(group == null ? UNKNOWN_PROGRAM : group, g -> new OnTimeTally()).add(outcome);
            total.add(outcome);
            return this;
        }
    }
}
