package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RecordView;
import cn.minzheng.audit.search.RegionScope;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.Role;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 全过程记录: every event of one case or organization, in order, with who, in which role, when,
 * why and the status before and after. Reading it is itself recorded in the trail; those read
 * records are shown only with {@code ?includeReads=true} (who looked at this case).
 */
@RestController
@RequestMapping("/api/v1/audit/timeline")
public class TimelineController {

    static final int MAX_ENTRIES = 5000;
    private static final Pattern SUBJECT = Pattern.compile("[\\p{L}\\p{N}._:/-]{1,120}");

    /** Time order, then chain order (the order of the scan this replaces). */
    static final Comparator<Document> ORDER = Comparator.<Document>comparingLong(d -> ((Number) d.get("timeMs")).longValue())
            .thenComparing(d -> d.getString("chain")).thenComparingLong(d -> ((Number) d.get("sequence")).longValue());

    private final RecordSearchStore store;
    private final TimelineReads reads;
    private final SubjectIndex index;
    private final Projections projections;

    public TimelineController(RecordSearchStore store, TimelineReads reads, SubjectIndex index, Projections projections) {
        this.store = store;
        this.reads = reads;
        this.index = index;
        this.projections = projections;
    }

    @GetMapping("/{subject}")
    public Mono<Map<String, Object>> timeline(@PathVariable String subject,
            @RequestParam(name = "includeReads", defaultValue = "false") boolean includeReads) {
        if (!SUBJECT.matcher(subject).matches()) {
            return Mono.error(new ValidationProblem(
                    FieldProblem.withMessage("/subject", "invalid-subject", "a case or organization number")));
        }
        String excluded = includeReads ? null : EventTypes.TIMELINE_READ;
        return CallerScope.current().flatMap(caller -> records(subject, caller.scope(), excluded)
                .map(TimelineController::entry).collectList()
                .flatMap(entries -> entries.isEmpty()
                        ? Mono.error(new NotFoundProblem("timeline", subject))
                        : reads.record(caller.principal(), caller.principal().has(Role.ADMIN) ? "ADMIN" : "AUDITOR",
                                        subject)
                                .onErrorMap(e -> !(e instanceof ProblemException),
                                        e -> new ProblemException(503, "trail-unavailable"))
                                .map(readEvent -> body(subject, entries, readEvent.id()))));
    }

    /**
     * The subject's records in scope: through the subject index (two unique-index lookups) once
     * the projections are built, by the subject scan before that (a trail stored before the index
     * existed, while it is rebuilt at start).
     */
    private Flux<Document> records(String subject, RegionScope scope, String excludedType) {
        if (!projections.ready()) {
            return store.timeline(subject, scope.prefix(), excludedType, MAX_ENTRIES);
        }
        return index.eventIds(subject).flatMapMany(store::byEventIds)
                .filter(d -> subject.equals(d.getString("subject")) && scope.covers(d.getString("regionCode"))
                        && (excludedType == null || !excludedType.equals(d.getString("type"))))
                .sort(ORDER).take(MAX_ENTRIES);
    }

    private static Map<String, Object> entry(Document d) {
        Map<String, Object> m = RecordView.of(d).toJson();
        Object data = JsonText.parse(d.getString("data"));
        m.put("changes", data instanceof Map<?, ?> map ? map.get("changes") : null);
        return m;
    }

    private static Map<String, Object> body(String subject, List<Map<String, Object>> entries, String readEventId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("count", entries.size());
        m.put("entries", entries);
        m.put("readRecordedAs", readEventId);
        return m;
    }
}
