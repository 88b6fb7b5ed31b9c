package cn.minzheng.org.creditlist;

import cn.minzheng.org.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The public 活动异常名录 and 严重违法失信名单. */
@RestController
@RequestMapping("/api/v1/orgs/public/credit-lists")
public class CreditListController {
    private final CreditListStore store;

    public CreditListController(CreditListStore store) {
        this.store = store;
    }

    @GetMapping
    public Mono<Page<CreditListStore.PublicEntry>> listed(@RequestParam CreditList list,
                                                          @RequestParam(required = false) String authority,
                                                          @RequestParam(required = false) String cursor,
                                                          @RequestParam(required = false) Integer size) {
        int n = Page.boundedSize(size);
        return store.listed(list, authority, cursor, n + 1).collectList()
                .map(l -> l.size() > n ? new Page<>(l.subList(0, n), l.get(n - 1).entryId()) : new Page<>(l, null));
    }
}
