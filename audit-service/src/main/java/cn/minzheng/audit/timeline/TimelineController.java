package cn.minzheng.audit.timeline;

import cn.minzheng.audit.chain.JsonText;
import cn.minzheng.audit.chain.RecordMac;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * 全过程记录: every event of one case or organization, in order, with who, in which role, when,
 * why and the status before and after. Reading it is itself recorded in the trail; those read
 * records are shown only with {@code ?includeReads=true} (who looked at this case).
 *
 * <p>Confirmed against the chain ({@link TimelineIntegrity}): each entry carries {@code integrity}
 * (its hash and record MAC checked) and {@code indexed}; the answer's {@code integrity} names every
 * record the subjects index lists but the trail lacks, every record of the subject the index hides,
 * and every entry whose MAC fails.
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
    private final RecordMac macs;

    public TimelineController(RecordSearchStore store, TimelineReads reads, SubjectIndex index, Projections projections,
            RecordMac macs) {
        this.macs = macs;
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
        return CallerScope.current().flatMap(caller -> confirmed(subject, caller.scope(), excluded)
                .flatMap(confirmed -> confirmed.nothingToShow()
                        ? Mono.error(new NotFoundProblem("timeline", subject))
                        : reads.record(caller.principal(), caller.principal().has(Role.ADMIN) ? "ADMIN" : "AUDITOR",
                                        subject)
                                .onErrorMap(e -> !(e instanceof ProblemException),
                                        e -> new ProblemException(503, "trail-unavailable"))
                                .map(readEvent -> body(subject, confirmed, readEvent.id()))));
    }

    /**
     * The subject's records in scope as the trail holds them (the scan by {@code subject}: an index
     * hit on MongoDB's {@code subject_1_timeMs_1}, a scan of the trail on the Mongo-wire server), checked
     * one by one and compared with the subjects index once the projections are built (before that,
     * while a trail stored before the index is rebuilt at start, there is nothing to compare). The
     * index alone is never believed: anyone who may write the database can edit it.
     */
    private Mono<TimelineIntegrity.Confirmed> confirmed(String subject, RegionScope scope, String excludedType) {
        Mono<List<Document>> scanned = store.timeline(subject, scope.prefix(), excludedType, MAX_ENTRIES)
                .sort(ORDER).collectList();
        java.util.function.Predicate<Document> inScope = d -> scope.covers(d.getString("regionCode"))
                && (excludedType == null || !excludedType.equals(d.getString("type")));
        if (!projections.ready()) {
            return scanned.publishOn(Schedulers.boundedElastic())
                    .map(docs -> TimelineIntegrity.confirm(subject, docs, null, List.of(), inScope, macs));
        }
        return index.eventIds(subject).flatMap(listed -> Mono.zip(scanned, store.byEventIds(listed).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> TimelineIntegrity.confirm(subject, t.getT1(), listed, t.getT2(), inScope, macs)));
    }

    private static Map<String, Object> entry(Document d, TimelineIntegrity.Confirmed confirmed) {
        Map<String, Object> m = RecordView.of(d).toJson();
        Object data;
        try {
            data = JsonText.parse(d.getString("data"));
        } catch (RuntimeException unreadable) {
            data = null; // its integrity says why
        }
        m.put("changes", data instanceof Map<?, ?> map ? map.get("changes") : null);
        String eventId = d.getString("eventId");
        m.put("integrity", confirmed.entryIntegrity().get(eventId));
        if (confirmed.indexed().containsKey(eventId)) {
            m.put("indexed", confirmed.indexed().get(eventId));
        }
        return m;
    }

    private static Map<String, Object> body(String subject, TimelineIntegrity.Confirmed confirmed, String readEventId) {
        List<Map<String, Object>> entries = confirmed.entries().stream().map(d -> entry(d, confirmed)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("count", entries.size());
        m.put("entries", entries);
        m.put("integrity", confirmed.report());
        m.put("readRecordedAs", readEventId);
        return m;
    }
}
