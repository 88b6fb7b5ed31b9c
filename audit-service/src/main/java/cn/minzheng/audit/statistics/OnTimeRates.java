package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.Projections;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.platform.kit.problem.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import reactor.core.publisher.Flux;
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

    /**
     * {@link #RULE} as a person reads it (issue 16 item 4): in Chinese, without field names or citation
     * keys; the legal sources are {@link #RULE_SOURCES}. The limits named are the shipped defaults; a
     * case is judged by the due date its own acceptance event carries.
     */
    static final String RULE_TEXT = "办理时限自受理之日起计算，办结期限在受理时确定：最低生活保障、临时救助受理后30个工作日内办结；"
            + "特困人员认定由乡镇（街道）15个工作日内提出意见、县级民政部门15个工作日内作出决定；"
            + "社会组织成立登记受理后60日内、变更登记和注销登记受理后30日内作出决定；承诺期限短于法定期限的，按承诺期限计。"
            + "作出决定之日（北京时间）不晚于办结期限的为按时办结，晚于办结期限的为超时办结。"
            + "按时办结率 = 按时办结数 ÷（按时办结数 + 超时办结数 + 已超期未办结数）；"
            + "尚在期限内未办结的、受理时未载明办结期限的和已撤回的案件不计入办结率。"
            + "统计范围按受理时间筛选，数字为截至统计时点（默认为当前时间）的情况。";

    /** Where the limits of {@link #RULE_TEXT} come from (keys of {@code docs/sources.md}). */
    static final List<String> RULE_SOURCES = List.of(
            "[57]§22 《最低生活保障审核确认办法》（民发〔2021〕57号）：全过程30个工作日",
            "[43]§13、§17 《特困人员认定办法》（民发〔2021〕43号）：乡镇15个工作日、县级15个工作日",
            "[SG] 《社会团体登记管理条例》（国务院令第250号）：成立登记60日",
            "社会组织服务配置（org-service application.yml 的 limits）：变更登记、注销登记30日及各事项承诺期限（本地配置）");

    private final HandlingCaseStore cases;
    private final OnTimeProjection days;
    private final Projections projections;
    private final Clock clock;

    /**
     * @param days the on-time projection the cases are read from once it is built (null: always the
     *             handling-clock documents)
     */
    public OnTimeRates(HandlingCaseStore cases, OnTimeProjection days, Projections projections, Clock clock) {
        this.cases = cases;
        this.days = days;
        this.projections = projections;
        this.clock = clock;
    }

    public Mono<OnTimeView> rates(OnTimeQuery q) {
        RecordQuery query = q.acceptance();
        Instant now = q.asOf() == null ? clock.instant() : q.asOf();
        LocalDate today = now.atZone(HandlingCase.ZONE).toLocalDate();
        // a snapshot: cases accepted after asOf did not exist yet
        Instant acceptedBefore = query.to() == null || query.to().isAfter(now) ? now.plusMillis(1) : query.to();
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            if (!projections.ready()) {
                return Mono.error(new ProblemException(503, "projections-rebuilding"));
            }
            return tallies(q, scoped.region(), scoped.from(), acceptedBefore, now)
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

    /**
     * The tallies of the accepted cases the query selects, as they stood at {@code now}: from the on-time
     * projection's day tallies (issue 20 item 7, {@link OnTimeProjection#tallies}), or — until its first build is complete, or while the
     * handling-clock documents it is derived from are not intact ({@link Projections#intact}) — from every
     * accepted case's handling-clock document.
     */
    Mono<Tallies> tallies(OnTimeQuery q, String regionPrefix, Instant from, Instant to, Instant now) {
        Function<HandlingCase, String> key = q.key();
        Mono<Tallies> scan = Mono.defer(() -> cases.accepted(regionPrefix, q.service(), from, to)
                .reduce(new Tallies(), (t, c) -> t.add(key.apply(c), c.outcome(now))));
        if (days == null) {
            return scan;
        }
        // an empty tally is an answer (no case in range); only no generation at all falls back to the scan
        return projections.intact().flatMap(intact -> !intact ? scan
                : days.tallies(regionPrefix, q.service(), from, to, now, q.entryKey()).switchIfEmpty(scan));
    }

    /** Per group and overall. */
    static final class Tallies {
        final Map<String, OnTimeTally> groups = new TreeMap<>();
        final OnTimeTally total = new OnTimeTally();

        Tallies add(String group, HandlingCase.Outcome outcome) {
            return add(group, outcome, 1);
        }

        /** {@code cases} cases of one group with the same outcome. */
        Tallies add(String group, HandlingCase.Outcome outcome, long cases) {
            groups.computeIfAbsent(group == null ? UNKNOWN_PROGRAM : group, g -> new OnTimeTally()).add(outcome, cases);
            total.add(outcome, cases);
            return this;
        }
    }
}
