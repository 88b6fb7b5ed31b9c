package cn.minzheng.assistance.application;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ForbiddenProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.AccessPolicy;
import cn.minzheng.platform.kit.security.AccessScope;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Lists: the citizen's own cases, the clerks' work queue, the overdue / due-soon list. */
@RestController
@RequestMapping("/api/v1/assistance/applications")
public class ApplicationQueries {
    private final ApplicationStore store;
    private final ApplicationWorkflow workflow;
    private final AssistanceProperties properties;

    public ApplicationQueries(ApplicationStore store, ApplicationWorkflow workflow, AssistanceProperties properties) {
        this.store = store;
        this.workflow = workflow;
        this.properties = properties;
    }

    /** One page; {@code next} is the cursor of the following page, null at the end. */
    public record Page(List<Summary> items, String next) {
    }

    /** A case in a list: no household details. */
    public record Summary(String number, String program, String regionCode, String status, long version,
                          String openDue, boolean overdue) {
        static Summary of(AssistanceCase c, LocalDate today) {
            String due = c.deadlines().stream().filter(d -> d.open()).map(d -> d.promisedDue())
                    .min(java.util.Comparator.naturalOrder()).map(Object::toString).orElse(null);
            return new Summary(c.number(), c.program().name(), c.regionCode(), c.status().name(), c.version(), due,
                    c.overdueOn(today));
        }
    }

    @GetMapping("/mine")
    public Mono<Page> mine(@RequestParam(required = false) String cursor,
                           @RequestParam(required = false, defaultValue = "20") int limit) {
        int size = size(limit);
        return CurrentPrincipal.require().flatMap(p -> page(Criteria.where("ownerSubject").is(p.subject()), cursor, size));
    }

    /** The work queue: cases in the staff member's region, filtered ({@code householdConflict=true}: to resolve). */
    @GetMapping
    public Mono<Page> queue(@RequestParam(required = false) List<ApplicationStatus> status,
                            @RequestParam(required = false) Program program,
                            @RequestParam(required = false) Boolean overdue,
                            @RequestParam(required = false) String region,
                            @RequestParam(required = false) Boolean householdConflict,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false, defaultValue = "20") int limit) {
        int size = size(limit);
        if (status != null && status.contains(null)) {
            // a blank or control-character value converts to no status at all
            return Mono.error(new ValidationProblem(FieldProblem.withMessage("/status", "STATUS_INVALID",
                    "a status of the application lifecycle")));
        }
        if (region != null && !region.matches("\\d{2,12}")) {
            return Mono.error(new ValidationProblem(FieldProblem.withMessage("/region", "REGION_FORMAT",
                    "a 区划 code prefix of 2 to 12 digits")));
        }
        return CurrentPrincipal.require().flatMap(p -> {
            List<Criteria> all = new ArrayList<>();
            all.add(staffScope(p, region));
            if (status != null && !status.isEmpty()) {
                all.add(Criteria.where("status").in(status.stream().map(Enum::name).toList()));
            }
            if (program != null) {
                all.add(Criteria.where("program").is(program.name()));
            }
            if (Boolean.TRUE.equals(overdue)) {
                all.add(Criteria.where("open").is(true));
                all.add(Criteria.where("openDue").lt(workflow.today().toString()));
            }
            if (householdConflict != null) {
                // the field exists only on cases with at least one conflicting case (ApplicationStore)
                all.add(Criteria.where(ApplicationStore.HOUSEHOLD_CONFLICT).exists(householdConflict));
            }
            return page(new Criteria().andOperator(all.toArray(Criteria[]::new)), cursor, size);
        });
    }

    static final int MAX_WITHIN_DAYS = 60;

    /** Cases overdue or due within {@code withinDays} working-day-agnostic calendar days (default configured). */
    @GetMapping("/due")
    public Mono<Page> due(@RequestParam(required = false) Integer withinDays,
                          @RequestParam(required = false, defaultValue = "50") int limit) {
        if (withinDays != null && (withinDays < 0 || withinDays > MAX_WITHIN_DAYS)) {
            return Mono.error(new ValidationProblem(FieldProblem.withMessage("/withinDays", "DAYS_RANGE",
                    "withinDays is 0 to " + MAX_WITHIN_DAYS)));
        }
        int days = withinDays == null ? properties.dueSoonDays() : withinDays;
        int size = size(limit);
        LocalDate today = workflow.today();
        return CurrentPrincipal.require().flatMap(p -> store.dueBy(staffScope(p, null), today.plusDays(days), size)
                .map(c -> Summary.of(c, today)).collectList().map(items -> new Page(items, null)));
    }

    private Mono<Page> page(Criteria criteria, String cursor, int size) {
        LocalDate today = workflow.today();
        return Mono.fromCallable(() -> Optional.ofNullable(cursor(cursor))).flatMapMany(c -> store.page(criteria, c.orElse(null), size)).map(c -> Summary.of(c, today)).collectList()
                .map(items -> new Page(items, items.size() < size ? null : items.get(items.size() - 1).number()));
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
            throw new ValidationProblem(FieldProblem.withMessage("/limit", "LIMIT_RANGE",
                    "limit is 1 to " + properties.maxPageSize()));
        }
        return limit;
    }
}
