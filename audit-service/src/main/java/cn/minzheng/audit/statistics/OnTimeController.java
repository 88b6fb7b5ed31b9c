package cn.minzheng.audit.statistics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** 按时办结率 ({@link OnTimeRates}): on-time rates of accepted cases, grouped, within the caller's region scope. */
@RestController
@RequestMapping("/api/v1/audit/statistics/on-time")
public class OnTimeController {

    private final OnTimeRates rates;

    public OnTimeController(OnTimeRates rates) {
        this.rates = rates;
    }

    @GetMapping
    public Mono<OnTimeView> rates(@RequestParam(name = "by", required = false) String by,
            @RequestParam(required = false) String period, @RequestParam(required = false) String service,
            @RequestParam(required = false) String region, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return rates.rates(OnTimeQuery.parse(by, period, service, region, from, to, asOf));
    }
}
