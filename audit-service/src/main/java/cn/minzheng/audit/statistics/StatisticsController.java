package cn.minzheng.audit.statistics;

import cn.minzheng.audit.reads.ReadBounds;
import cn.minzheng.audit.reads.ReadRefusal;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordQuery;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.SearchController;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Counts of trail records by day (China Standard Time), service, type or region, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/audit/statistics")
public class StatisticsController {

    /** Grouping name in the API → derived field in the store. */
    static final Map<String, String> GROUPINGS = Map.of("day", "day", "service", "service", "type", "type",
            "region", "regionCode");

    private final RecordSearchStore store;
    private final ReadBounds bounds;

    public StatisticsController(RecordSearchStore store, ReadBounds bounds) {
        this.store = store;
        this.bounds = bounds;
    }

    @GetMapping
    public Mono<Map<String, Object>> counts(@RequestParam(name = "by", required = false) String by,
            @RequestParam(required = false) String type, @RequestParam(required = false) String region,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String field = by == null ? null : GROUPINGS.get(by);
        if (field == null) {
            return Mono.error(new ValidationProblem(
                    FieldProblem.withMessage("/by", "invalid-grouping", "by is one of day, service, type, region")));
        }
        RecordQuery query = SearchController.parsed(RecordQuery.parse(null, type, region, null, from, to, null, null));
        // counting scans the trail's records in the range: a range is required and bounded
        Optional<ReadRefusal> unbounded = bounds.statisticsRefusal(query.from(), query.to());
        if (unbounded.isPresent()) {
            return Mono.error(unbounded.get());
        }
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            return store.countBy(scoped, field).collect(LinkedHashMap<String, Long>::new,
                    (m, d) -> m.put(String.valueOf(d.get("_id")), ((Number) d.get("count")).longValue()))
                    .map(counts -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("by", by);
                        body.put("region", scoped.region());
                        body.put("from", scoped.from() == null ? null : scoped.from().toString());
                        body.put("to", scoped.to() == null ? null : scoped.to().toString());
                        body.put("counts", counts);
                        body.put("total", counts.values().stream().mapToLong(Long::longValue).sum());
                        return body;
                    });
        });
    }
}
