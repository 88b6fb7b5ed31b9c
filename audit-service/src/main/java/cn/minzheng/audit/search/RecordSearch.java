package cn.minzheng.audit.search;

import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * The record search ({@code GET /api/v1/audit/records}): the query narrowed to the caller's region
 * scope ({@link CallerScope}), one page read in (time, id) order, one record more than the page to
 * know whether another page follows.
 */
public class RecordSearch {

    private final RecordSearchStore store;

    public RecordSearch(RecordSearchStore store) {
        this.store = store;
    }

    public Mono<RecordPage> page(RecordQuery query) {
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            return store.find(scoped, scoped.limit() + 1).collectList().map(docs -> page(docs, scoped.limit()));
        });
    }

    static RecordPage page(List<Document> docs, int limit) {
        boolean more = docs.size() > limit;
        List<Document> shown = more ? docs.subList(0, limit) : docs;
        String next = null;
        if (more) {
            Document last = shown.get(shown.size() - 1);
            next = new RecordQuery.Cursor(((Number) last.get("timeMs")).longValue(), last.getString("_id")).encode();
        }
        return new RecordPage(shown.stream().map(RecordView::of).toList(), next);
    }
}
