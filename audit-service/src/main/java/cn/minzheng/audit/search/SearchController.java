package cn.minzheng.audit.search;

import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
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

    private final RecordSearchStore store;

    public SearchController(RecordSearchStore store) {
        this.store = store;
    }

    @GetMapping
    public Mono<Map<String, Object>> search(@ParameterObject RecordFilter filter,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String limit) {
        RecordQuery query = filter.query(cursor, limit);
        return CallerScope.current().flatMap(caller -> {
            RecordQuery scoped = caller.narrow(query);
            return store.find(scoped, scoped.limit() + 1).collectList().map(docs -> page(docs, scoped.limit()));
        });
    }

    /** Throws the validation problem the parameters deserve. */
    public static RecordQuery parsed(RecordQuery.Parsed parsed) {
        if (!parsed.ok()) {
            List<FieldProblem> errors = parsed.errors().stream()
                    .map(e -> FieldProblem.withMessage(e.pointer(), e.code(), e.message())).toList();
            throw new ValidationProblem(errors);
        }
        return parsed.query();
    }

    private static Map<String, Object> page(List<Document> docs, int limit) {
        boolean more = docs.size() > limit;
        List<Document> shown = more ? docs.subList(0, limit) : docs;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", shown.stream().map(d -> RecordView.of(d).toJson()).toList());
        if (more) {
            Document last = shown.get(shown.size() - 1);
            page.put("nextCursor", new RecordQuery.Cursor(((Number) last.get("timeMs")).longValue(),
                    last.getString("_id")).encode());
        } else {
            page.put("nextCursor", null);
        }
        return page;
    }
}
