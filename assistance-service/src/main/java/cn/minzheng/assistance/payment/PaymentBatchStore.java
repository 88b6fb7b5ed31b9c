package cn.minzheng.assistance.payment;

import cn.minzheng.assistance.outbox.CaseEvents;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.TraceContext;
import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payment batches in MongoDB, {@code _id} = {@code <region>-<yyyy-MM>}. Every change is one conditional
 * update on {@code {_id, version}} that sets the new state and pushes its event to the outbox (the
 * service kit's format, relayed to assistance.events like the cases' events).
 */
@Component
public class PaymentBatchStore {
    public static final String COLLECTION = "payment_batches";
    private final ReactiveMongoTemplate mongo;

    public PaymentBatchStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        mongo.getCollection(COLLECTION)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("regionCode", "month"))))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    public Mono<PaymentBatch> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION).map(PaymentBatchStore::fromDocument);
    }

    /**
     * Stores a new batch with its {@code created} event. When the batch of that region and month exists
     * already — drawn up before, or by a request racing this one — nothing is written and the stored
     * batch is the answer ({@code created} false).
     */
    public Mono<Stored> insertOnce(Transitioned<PaymentBatch, BatchEvent> t, String traceparent) {
        Document doc = state(t.next());
        doc.put(PendingEvents.FIELD, PendingEvents.documents(List.of(envelope(t.next(), t.event(), traceparent))));
        return mongo.insert(doc, COLLECTION).thenReturn(new Stored(t.next(), true))
                .onErrorResume(DuplicateKeyException.class,
                        dup -> find(t.next().id()).map(existing -> new Stored(existing, false)));
    }

    /** A batch as stored, and whether this request created it. */
    public record Stored(PaymentBatch batch, boolean created) {
    }

    /** Writes the change if the stored version is still {@code expectedVersion}; else 412. */
    public Mono<PaymentBatch> update(Transitioned<PaymentBatch, BatchEvent> t, long expectedVersion, String traceparent) {
        PaymentBatch next = t.next();
        Update update = new Update();
        state(next).forEach((k, v) -> {
            if (!k.equals("_id") && !k.equals("lines")) {
                update.set(k, v);
            }
        });
        PendingEvents.push(update, List.of(envelope(next, t.event(), traceparent)));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(next.id()).and("version").is(expectedVersion)),
                        update, COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(next)
                        : find(next.id()).flatMap(current -> Mono.<PaymentBatch>error(
                                new StaleVersionProblem(expectedVersion, current.version()))));
    }

    /**
     * Every line of the region's batches of other months than {@code month}: what was drawn already. The
     * roll corrects earlier months only; a one-off 临时救助 line counts in a batch of any month, so a batch
     * drawn out of order never pays it a second time.
     */
    public Flux<PaymentLine> linesBefore(String regionCode, YearMonth month) {
        Query q = Query.query(Criteria.where("regionCode").is(regionCode).and("month").ne(month.toString()))
                .with(Sort.by("month"));
        return mongo.find(q, Document.class, COLLECTION).map(PaymentBatchStore::fromDocument)
                .concatMapIterable(PaymentBatch::lines);
    }

    static EventEnvelope envelope(PaymentBatch b, BatchEvent e, String traceparent) {
        EventData data = EventData.of(b.id(), PaymentBatch.AGGREGATE_TYPE)
                .transition(e.from() == null ? null : e.from().name(), e.to().name())
                .changes(Map.of("status", e.to().name()));
        e.data().forEach(data::put);
        return EventEnvelope.builder(CaseEvents.type(PaymentBatch.AGGREGATE_TYPE, e.name()))
                .id(UUID.randomUUID().toString()).source(CaseEvents.SOURCE).subject(b.id()).time(e.at())
                .actor(e.actorId(), e.actorRole()).regionCode(b.regionCode()).aggregateVersion(e.version())
                .traceparent(TraceContext.wellFormedOrNull(traceparent)).data(data).build();
    }

    static Document state(PaymentBatch b) {
        Document d = new Document("_id", b.id());
        d.put("regionCode", b.regionCode());
        d.put("month", b.month().toString());
        d.put("status", b.status().name());
        d.put("version", b.version());
        d.put("lines", b.lines().stream().map(PaymentBatchStore::line).toList());
        d.put("createdBy", b.createdBy());
        d.put("createdAt", date(b.createdAt()));
        d.put("approvedBy", b.approvedBy());
        d.put("approvedAt", date(b.approvedAt()));
        d.put("checksums", new Document(new LinkedHashMap<>(b.checksums())));
        d.put("publishedAt", date(b.publishedAt()));
        return d;
    }

    private static Document line(PaymentLine l) {
        return new Document("caseNumber", l.caseNumber()).append("program", l.program()).append("town", l.town())
                .append("recipientName", l.recipientName()).append("idNumber", l.idNumber())
                .append("householdSize", l.householdSize()).append("forMonth", l.forMonth().toString())
                .append("kind", l.kind().name()).append("amountFen", l.amountFen());
    }

    static PaymentBatch fromDocument(Document d) {
        List<PaymentLine> lines = d.getList("lines", Document.class, List.of()).stream()
                .map(l -> new PaymentLine(l.getString("caseNumber"), l.getString("program"), l.getString("town"),
                        l.getString("recipientName"), l.getString("idNumber"),
                        ((Number) l.get("householdSize")).intValue(), YearMonth.parse(l.getString("forMonth")),
                        LineKind.valueOf(l.getString("kind")), ((Number) l.get("amountFen")).longValue()))
                .toList();
        Map<String, String> sums = new LinkedHashMap<>();
        Document checksums = d.get("checksums", Document.class);
        if (checksums != null) {
            checksums.forEach((k, v) -> sums.put(k, String.valueOf(v)));
        }
        return new PaymentBatch(d.getString("_id"), d.getString("regionCode"), YearMonth.parse(d.getString("month")),
                BatchStatus.valueOf(d.getString("status")), ((Number) d.get("version")).longValue(), lines,
                d.getString("createdBy"), instant(d.getDate("createdAt")), d.getString("approvedBy"),
                instant(d.getDate("approvedAt")), sums, instant(d.getDate("publishedAt")));
    }

    private static Date date(Instant i) {
        return i == null ? null : Date.from(i);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
