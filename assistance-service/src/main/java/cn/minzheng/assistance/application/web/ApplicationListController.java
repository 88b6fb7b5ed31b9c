package cn.minzheng.assistance.application.web;

import cn.minzheng.assistance.application.ApplicationQueries;
import cn.minzheng.assistance.application.ApplicationQueries.CasePage;
import cn.minzheng.assistance.application.ApplicationQueries.QueueFilter;
import cn.minzheng.assistance.application.ApplicationStatus;
import cn.minzheng.assistance.application.AssistanceCase;
import cn.minzheng.assistance.deadlines.Deadline;
import cn.minzheng.assistance.standards.Program;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Lists: the citizen's own cases, the clerks' work queue, the overdue / due-soon list. */
@RestController
@RequestMapping("/api/v1/assistance/applications")
public class ApplicationListController {
    private final ApplicationQueries queries;

    public ApplicationListController(ApplicationQueries queries) {
        this.queries = queries;
    }

    /** One page; {@code next} is the cursor of the following page, null at the end. */
    public record Page(List<Summary> items, String next) {
        static Page of(CasePage p) {
            return new Page(p.cases().stream().map(c -> Summary.of(c, p.today())).toList(), p.next());
        }
    }

    /** A case in a list: no household details. */
    public record Summary(String number, String program, String regionCode, String status, long version,
                          String openDue, boolean overdue) {
        static Summary of(AssistanceCase c, LocalDate today) {
            String due = c.deadlines().stream().filter(Deadline::open).map(Deadline::promisedDue)
                    .min(Comparator.naturalOrder()).map(Object::toString).orElse(null);
            return new Summary(c.number(), c.program().name(), c.regionCode(), c.status().name(), c.version(), due,
                    c.overdueOn(today));
        }
    }

    @GetMapping("/mine")
    public Mono<Page> mine(@RequestParam(required = false) String cursor,
                           @RequestParam(required = false, defaultValue = "20") int limit) {
        return CurrentPrincipal.require().flatMap(p -> queries.mine(p, cursor, limit)).map(Page::of);
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
        QueueFilter filter = new QueueFilter(status, program, overdue, region, householdConflict);
        return CurrentPrincipal.require().flatMap(p -> queries.queue(p, filter, cursor, limit)).map(Page::of);
    }

    /** Cases overdue or due within {@code withinDays} working-day-agnostic calendar days (default configured). */
    @GetMapping("/due")
    public Mono<Page> due(@RequestParam(required = false) Integer withinDays,
                          @RequestParam(required = false, defaultValue = "50") int limit) {
        return CurrentPrincipal.require().flatMap(p -> queries.due(p, withinDays, limit)).map(Page::of);
    }
}
