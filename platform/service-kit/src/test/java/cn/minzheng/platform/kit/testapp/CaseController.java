package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.concurrency.ConditionalRequests;
import cn.minzheng.platform.kit.concurrency.VersionedDocuments;
import cn.minzheng.platform.kit.concurrency.Versions;
import cn.minzheng.platform.kit.observability.TraceContext;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import cn.minzheng.platform.kit.problem.NotFoundProblem;
import cn.minzheng.platform.kit.security.CurrentPrincipal;
import cn.minzheng.platform.kit.security.Principal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A miniature aggregate store the way a service writes one: create with its first event in the same
 * insert, change with a conditional {_id, version} update that pushes the event, publish right after.
 */
@RestController
public class CaseController {

    public static final String TOPIC = "kit.test.cases";
    public static final String COLLECTION = "cases";
    public static final AtomicInteger CREATIONS = new AtomicInteger();

    record NewCase(String applicant, long amountFen, Long delayMillis) {
    }

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;

    CaseController(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @PostMapping("/api/cases")
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody NewCase request) {
        String id = "MZ-" + UUID.randomUUID();
        Duration delay = Duration.ofMillis(request.delayMillis() == null ? 0 : request.delayMillis());
        return CurrentPrincipal.require().delayElement(delay).zipWith(TraceContext.traceparent()).flatMap(t -> {
            Principal principal = t.getT1();
            CREATIONS.incrementAndGet();
            var aggregate = new Document("_id", id).append("status", "SUBMITTED").append("version", 1L)
                    .append("applicant", request.applicant()).append("amountFen", request.amountFen())
                    .append("regionCode", "110105");
            var event = event(id, principal, 1, null, "SUBMITTED").toBuilder().traceparent(t.getT2().orElse(null)).build();
            return PendingEvents.insert(mongo, COLLECTION, aggregate, List.of(event))
                    .doOnSuccess(saved -> relay.publishInBackground(COLLECTION, id))
                    .thenReturn(ResponseEntity.created(URI.create("/api/cases/" + id)).eTag(Versions.etag(1))
                            .body(Map.<String, Object>of("id", id, "status", "SUBMITTED")));
        });
    }

    @GetMapping("/api/cases/{id}")
    Mono<ResponseEntity<Map<String, Object>>> read(@PathVariable String id) {
        return mongo.findById(id, Document.class, COLLECTION)
                .switchIfEmpty(Mono.error(() -> new NotFoundProblem("case", id)))
                .map(doc -> ConditionalRequests.okWithETag(Map.<String, Object>of("id", id, "status", doc.getString("status")),
                        doc.get("version", Number.class).longValue()));
    }

    @PostMapping("/api/cases/{id}/closure")
    Mono<ResponseEntity<Map<String, Object>>> close(@PathVariable String id,
                                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Mono.fromCallable(() -> Versions.parseIfMatch(ifMatch))
                .zipWith(CurrentPrincipal.require())
                .flatMap(t -> {
                    long expected = t.getT1();
                    var update = PendingEvents.push(new Update().set("status", "CLOSED"),
                            List.of(event(id, t.getT2(), expected + 1, "SUBMITTED", "CLOSED")));
                    return VersionedDocuments.update(mongo, Document.class, COLLECTION, id, expected, update, "case");
                })
                .doOnSuccess(doc -> relay.publishInBackground(COLLECTION, id))
                .map(doc -> ConditionalRequests.okWithETag(Map.<String, Object>of("id", id, "status", doc.getString("status")),
                        doc.get("version", Number.class).longValue()));
    }

    static EventEnvelope event(String id, Principal actor, long version, String from, String to) {
        return EventEnvelope.builder("minzheng.assistance.application.submitted.v1")
                .subject(id).actor(actor.subject(), actor.roles().iterator().next().name()).regionCode("110105")
                .aggregateVersion(version)
                .data(EventData.of(id, "application").transition(from, to))
                .build();
    }
}
