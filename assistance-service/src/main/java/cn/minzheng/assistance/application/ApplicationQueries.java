package cn.minzheng.assistance.application;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.AccessScope;
import cn.minzheng.platform.kit.security.Principal;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lists of cases: the citizen's own, the clerks' work queue, the overdue / due-soon list. Parameters
 * are checked here (400 naming the field) before anything is read.
 */
@Component
public class ApplicationQueries {
    private final ApplicationStore store;
    private final AssistanceProperties properties;
    private final Clock clock;

    public ApplicationQueries(ApplicationStore store, AssistanceProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** One page of cases; {@code next} is the cursor of the following page, null at the end. */
    public record CasePage(List<AssistanceCase> cases, String next, LocalDate today) {
    }

    /** The work queue's filters ({@code householdConflict=true}: to resolve); every one optional. */
    public record QueueFilter(List<ApplicationStatus> status, Program program, Boolean overdue, String region,
                              Boolean householdConflict) {
    }

    public Mono<CasePage> mine(Principal p, String cursor, int limit) {
        return Mono.defer(() -> {
            int size = size(limit);
            return page(Criteria.where("ownerSubject").is(p.subject()), cursor, size);
        });
    }

    /** Cases in the staff member's region, filtered. */
    public Mono<CasePage> queue(Principal p, QueueFilter f, String cursor, int limit) {
        return Mono.defer(() -> {
            int size = size(limit);
            if (f.status() != null && f.status().contains(null)) {
                // a blank or control-character value converts to no status at all
                return Mono.error(new ValidationProblem(new FieldProblem("/status", "STATUS_INVALID",
                        java.util.List.of(java.util.Arrays.stream(ApplicationStatus.values()).map(Enum::name)
                                .collect(java.util.stream.Collectors.joining(", "))),
                        "a status of the application lifecycle")));
            }
            if (f.region() != null && !f.region().matches("\\d{2,12}")) {
                return Mono.error(new ValidationProblem(FieldProblem.withMessage("/region", "REGION_FORMAT",
                        "a 区划 code prefix of 2 to 12 digits")));
            }
            List<Criteria> all = new ArrayList<>();
            all.add(staffScope(p, f.region()));
            if (f.status() != null && !f.status().isEmpty()) {
                all.add(Criteria.where("status").in(f.status().stream().map(Enum::name).toList()));
            }
            if (f.program() != null) {
                all.add(Criteria.where("program").is(f.program().name()));
            }
            if (Boolean.TRUE.equals(f.overdue())) {
                all.add(Criteria.where("open").is(true));
                all.add(Criteria.where("openDue").lt(today().toString()));
            }
            if (f.householdConflict() != null) {
                // the field exists only on cases with at least one conflicting case (ApplicationStore)
                all.add(Criteria.where(ApplicationStore.HOUSEHOLD_CONFLICT).exists(f.householdConflict()));
            }
            return page(new Criteria().andOperator(all.toArray(Criteria[]::new)), cursor, size);
        });
    }

    static final int MAX_WITHIN_DAYS = 60;

    /** Cases overdue or due within {@code withinDays} calendar days (default configured). */
    public Mono<CasePage> due(Principal p, Integer withinDays, int limit) {
        return Mono.defer(() -> {
            if (withinDays != null && (withinDays < 0 || withinDays > MAX_WITHIN_DAYS)) {
                return Mono.error(new ValidationProblem(new FieldProblem("/withinDays", "DAYS_RANGE", java.util.List.of(MAX_WITHIN_DAYS),
                        "withinDays is 0 to " + MAX_WITHIN_DAYS)));
            }
            int days = withinDays == null ? properties.dueSoonDays() : withinDays;
            int size = size(limit);
            LocalDate today = today();
            return store.dueBy(staffScope(p, null), today.plusDays(days), size).collectList()
                    .map(cases -> new CasePage(cases, null, today));
        });
    }

    private Mono<CasePage> page(Criteria criteria, String cursor, int size) {
        LocalDate today = today();
        return Mono.fromCallable(() -> Optional.ofNullable(cursor(cursor)))
                .flatMapMany(c -> store.page(criteria, c.orElse(null), size)).collectList()
                .map(cases -> new CasePage(cases, cases.size() < size ? null : cases.get(cases.size() - 1).number(), today));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AssistanceCase.CHINA);
    }

    /** Staff only, within their region; a narrower region filter inside it is allowed. */
    static Criteria staffScope(Principal p, String requestedRegion) {
        if (!p.isStaff() && !p.isAdmin()) {
            throw new ForbiddenProblem();
        }
        AccessScope scope = AccessPolicy.scopeOf(p);
        String prefix;
        if (scope instanceof AccessScope.All) {
            prefix = requestedRegion == null ? "" : requestedRegion;
        } else if (scope instanceof AccessScope.RegionPrefix r) {
            prefix = narrower(r.prefix(), requestedRegion);
        } else {
            throw new ForbiddenProblem();
        }
        return prefix.isEmpty() ? new Criteria() : ApplicationStore.regionPrefix(prefix);
    }

    private static String narrower(String own, String requested) {
        if (requested == null || requested.startsWith(own)) {
            return requested == null ? own : requested;
        }
        if (own.startsWith(requested)) {
            return own;
        }
        // recorded under the probed region as well: its auditors see who asked for its cases
        throw ForbiddenProblem.onCaseIn(requested, "region-out-of-scope");
    }

    /** A case number as {@code ApplicationStore} issues them: region, date, sequence. */
    private static final Pattern CASE_NUMBER = Pattern.compile("\\d{12}-\\d{8}-\\d{4,9}");

    /** A cursor is the number of the last case seen; anything else is a 400 problem, never part of a query. */
    public static String cursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (!CASE_NUMBER.matcher(cursor).matches()) {
            throw new ValidationProblem(FieldProblem.withMessage("/cursor", "CURSOR_FORMAT",
                    "the number of the last case of the previous page"));
        }
        return cursor;
    }

    private int size(int limit) {
        if (limit < 1 || limit > properties.maxPageSize()) {
            throw new ValidationProblem(new FieldProblem("/limit", "LIMIT_RANGE", java.util.List.of(properties.maxPageSize()),
                    "limit is 1 to " + properties.maxPageSize()));
        }
        return limit;
    }
}
