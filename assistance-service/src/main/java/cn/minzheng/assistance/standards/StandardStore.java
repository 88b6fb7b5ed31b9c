package cn.minzheng.assistance.standards;

import cn.minzheng.assistance.AssistanceProperties;
import cn.minzheng.assistance.outbox.CaseEvents;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.outbox.OutboxRelay;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Effective-dated standards in MongoDB (collection {@code standards}); never updated or deleted, so
 * history is kept. The configured seed is inserted at start when missing.
 */
@Component
public class StandardStore {
    static final String COLLECTION = "standards";
    private static final Logger log = LoggerFactory.getLogger(StandardStore.class);
    private final ReactiveMongoTemplate mongo;
    private final AssistanceProperties properties;
    private final OutboxRelay relay;

    public StandardStore(ReactiveMongoTemplate mongo, AssistanceProperties properties, OutboxRelay relay) {
        this.mongo = mongo;
        this.properties = properties;
        this.relay = relay;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        Flux.fromIterable(properties.standards())
                .map(AssistanceProperties.SeedStandard::toStandard)
                .concatMap(s -> mongo.insert(toDocument(s, "seed", Instant.EPOCH), COLLECTION)
                        .onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .doOnError(e -> log.warn("seeding standards failed: {}", e.toString()))
                .onErrorResume(e -> Mono.empty())
                .blockLast();
    }

    public Mono<StandardCatalogue> catalogue() {
        return mongo.findAll(Document.class, COLLECTION).map(StandardStore::fromDocument).collectList()
                .map(StandardCatalogue::new);
    }

    /** Adds a standard (409 when the same region, kind and month exists), with its event in the outbox. */
    public Mono<AssistanceStandard> add(AssistanceStandard s, String actorId, String actorRole, Instant at) {
        return catalogue().map(c -> c.with(s)).then(Mono.defer(() -> {
            Document doc = toDocument(s, actorId, at);
            String region = s.regionPrefix().length() >= 6 ? s.regionPrefix()
                    : (s.regionPrefix() + "000000").substring(0, 6);
            EventEnvelope event = EventEnvelope.builder(CaseEvents.type("standard", "added"))
                    .id(UUID.randomUUID().toString()).source(CaseEvents.SOURCE).subject(id(s)).time(at)
                    .actor(actorId, actorRole).regionCode(region).aggregateVersion(1)
                    .data(EventData.of(id(s), "standard").transition(null, null)
                            .put("regionCode", region).put("program", s.kind().name())
                            .put("amountFen", s.monthlyFen()).put("effectiveFrom", s.effectiveFrom().atDay(1).toString())
                            .put("source", s.source()))
                    .build();
            doc.put(PendingEvents.FIELD, PendingEvents.documents(List.of(event)));
            return mongo.insert(doc, COLLECTION).doOnSuccess(d -> relay.publishInBackground(COLLECTION, id(s)))
                    .thenReturn(s);
        }));
    }

    static String id(AssistanceStandard s) {
        return s.regionPrefix() + "|" + s.kind() + "|" + s.effectiveFrom();
    }

    private static Document toDocument(AssistanceStandard s, String addedBy, Instant at) {
        return new Document("_id", id(s)).append("regionPrefix", s.regionPrefix()).append("kind", s.kind().name())
                .append("effectiveFrom", s.effectiveFrom().toString()).append("monthlyFen", s.monthlyFen())
                .append("source", s.source()).append("addedBy", addedBy).append("addedAt", at.toString());
    }

    private static AssistanceStandard fromDocument(Document d) {
        return new AssistanceStandard(d.getString("regionPrefix"), StandardKind.valueOf(d.getString("kind")),
                YearMonth.parse(d.getString("effectiveFrom")), ((Number) d.get("monthlyFen")).longValue(),
                d.getString("source"));
    }
}
