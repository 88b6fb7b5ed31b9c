package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.search.CallerScope;
import cn.minzheng.audit.search.RecordSearchStore;
import cn.minzheng.audit.search.RecordView;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.kit.problem.FieldProblem;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.problem.ProblemException;
import cn.minzheng.platform.kit.problem.ValidationProblem;
import cn.minzheng.platform.kit.security.Role;
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

    private final RecordSearchStore store;
    private final TimelineReads reads;

    public TimelineController(RecordSearchStore store, TimelineReads reads) {
        this.store = store;
        this.reads = reads;
    }

    @GetMapping("/{subject}")
    public Mono<Map<String, Object>> timeline(@PathVariable String subject,
            @RequestParam(name = "includeReads", defaultValue = "false") boolean includeReads) {
        if (!SUBJECT.matcher(subject).matches()) {
            return Mono.error(new ValidationProblem(
                    FieldProblem.withMessage("/subject", "invalid-subject", "a case or organization number")));
        }
        return CallerScope.current().flatMap(caller -> store.timeline(subject, caller.scope().prefix(),
                        includeReads ? null : EventTypes.TIMELINE_READ, MAX_ENTRIES)
                .map(TimelineController::entry).collectList()
                .flatMap(entries -> entries.isEmpty()
                        ? Mono.error(new NotFoundProblem("timeline", subject))
                        : reads.record(caller.principal(), caller.principal().has(Role.ADMIN) ? "ADMIN" : "AUDITOR",
                                        subject)
                                .onErrorMap(e -> !(e instanceof ProblemException),
                                        e -> new ProblemException(503, "trail-unavailable"))
                                .map(readEvent -> body(subject, entries, readEvent.id()))));
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
