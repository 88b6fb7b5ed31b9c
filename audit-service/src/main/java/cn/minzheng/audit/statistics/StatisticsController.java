package cn.minzheng.audit.statistics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Counts of trail records by day (China Standard Time), service, type or region, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/audit/statistics")
public class StatisticsController {

    private final RecordCounts counts;

    public StatisticsController(RecordCounts counts) {
        this.counts = counts;
    }

    @GetMapping
    public Mono<CountsView> counts(@RequestParam(name = "by", required = false) String by,
            @RequestParam(required = false) String type, @RequestParam(required = false) String region,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return counts.counts(CountQuery.parse(by, type, region, from, to));
    }
}
