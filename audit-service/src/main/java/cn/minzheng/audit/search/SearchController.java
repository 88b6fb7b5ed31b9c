package cn.minzheng.audit.search;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/audit/records}: search by actor, type, region, subject, time range; cursor pages. */
@RestController
@RequestMapping("/api/v1/audit/records")
public class SearchController {

    private final RecordSearch search;

    public SearchController(RecordSearch search) {
        this.search = search;
    }

    @GetMapping
    public Mono<RecordPage> search(@ParameterObject RecordFilter filter,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit) {
        return search.page(filter.query(cursor, limit));
    }
}
