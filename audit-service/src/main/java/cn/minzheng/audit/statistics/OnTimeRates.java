package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.platform.kit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * 按时办结率: on-time rates of accepted cases derived from the trail's events (acceptance with its
 * due date, the decision that stops the clock, withdrawal), grouped by service, program (or
 * organization type), region or period of acceptance, within the caller's region scope. The rule is
 * {@link HandlingCase#outcome}, the rate {@link OnTimeTally#rate}.
 */
public class OnTimeRates {

    static final String UNKNOWN_PROGRAM = "unknown";
    static final String RULE = "a case counts from its acceptance; decided on time when the decision day (Asia/Shanghai)"
            + " is on or before dueDate; rate = onTime / (onTime + late + openOverdue); open cases within their limit,"
            + " acceptances without dueDate (unknown) and withdrawn cases are not in the rate; from/to select the"
            + " acceptance time; the figures are as they stood at asOf (default now)";

    private final HandlingCaseStore cases;
    private final Projections projections;
    private final Clock clock;

    public OnTimeRates(HandlingCaseStore cases, Projections projections, Clock clock) {
        this.cases = cases;
        this.projections = projections;
        this.clock = clock;
    }

    public Mono<OnTimeView> rates(OnTimeQuery q) {
        RecordQuery query = q.acceptance();
        Instant now = q.asOf() == null ? clock.instant() : q.asOf();
        LocalDate today = now.atZone(HandlingCase.ZONE).toLocalDate();
        // a snapshot: cases accepted after asOf did not exist yet
        Instant acceptedBefore = query.to() == null || query.to().isAfter(now) ? now.plusMillis(1) : query.to();
        Function<HandlingCase, String> key = q.key();
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            if (!projections.ready()) {
                return Mono.error(new ProblemException(503, "projections-rebuilding"));
            }
            return cases.accepted(scoped.region(), q.service(), scoped.from(), acceptedBefore)
                    .reduce(new Tallies(), (t, c) -> t.add(key.apply(c), c.outcome(now)))
                    .map(t -> {
                        Map<String, OnTimeView.Tally> groups = new LinkedHashMap<>();
                        t.groups.forEach((k, v) -> groups.put(k, OnTimeView.Tally.of(v)));
                        return new OnTimeView(q.grouping(), q.grouping().equals("period") ? q.granularity() : null,
                                scoped.region(), q.service(), scoped.from() == null ? null : scoped.from().toString(),
                                scoped.to() == null ? null : scoped.to().toString(), now.toString(), today.toString(),
                                RULE, groups, OnTimeView.Tally.of(t.total));
                    });
        });
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
