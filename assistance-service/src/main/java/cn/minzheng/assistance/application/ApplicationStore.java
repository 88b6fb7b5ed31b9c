package cn.minzheng.assistance.application;

import cn.minzheng.platform.kit.domain.Transitioned;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import cn.minzheng.platform.kit.problem.StaleVersionProblem;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Cases in MongoDB. Every change is ONE conditional document update on {@code {_id, version}} that
 * sets the new state and pushes its events to the outbox; no multi-document transactions. A change comes
 * as the aggregate returns it ({@link Transitioned}: the next case and its event); the event goes into the
 * document's outbox ({@code pendingEvents}), never into the case.
 */
@Component
public class ApplicationStore {
    static final String COUNTERS = "application_counters";
    static final String CLAIMS = "household_claims";
    /** Document field beside the aggregate: numbers of other open cases listing one of the members. */
    public static final String HOUSEHOLD_CONFLICT = "householdConflict";
    private final ReactiveMongoTemplate mongo;

    public ApplicationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createIndexes() {
        mongo.getCollection(CaseDocuments.COLLECTION)
                .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("ownerSubject", "_id"))))
                .then(mongo.getCollection(CaseDocuments.COLLECTION)
                        .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("regionCode", "status")))))
                .then(mongo.getCollection(CaseDocuments.COLLECTION)
                        .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("memberIds", "program")))))
                // every command writes on exactly {_id, version}: a unique index of those two fields lets the
                // Mongo-wire store find the case by index (as the outbox relay's claim index), instead of
                // matching the filter against every case; on MongoDB it is redundant with _id
                .then(mongo.getCollection(CaseDocuments.COLLECTION)
                        .flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("_id", "version"),
                                new IndexOptions().unique(true).name("ux_case_version")))))
                .then(mongo.getCollection(CLAIMS).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("number"),
                        new IndexOptions().unique(false)))))
                .then(mongo.getCollection(CLAIMS).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("key")))))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }

    /** {region}-{yyyyMMdd}-{seq}: the sequence comes from one atomic counter document per region and day. */
    public Mono<String> nextNumber(String regionCode, LocalDate day) {
        String date = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        String key = regionCode + "-" + date;
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COUNTERS)
                .map(d -> key + "-" + String.format("%04d", ((Number) d.get("seq")).longValue()));
    }

    /**
     * Registers every counted member of the new case for the program and answers the other cases
     * that list one of them: the household conflict a clerk resolves. Nothing is refused here — the
     * first submitter does not "claim" a person, and the citizen never learns whether anyone else
     * applied; staff see the conflict on both cases ({@link #markConflict}).
     *
     * <p>A registration is one document per (program, member, case). This case's registrations are
     * written before the others are read, so of two submissions racing for the same person at least
     * the later reader sees the other — even before the other's case is written (a registration
     * younger than {@link #IN_FLIGHT} without its case counts as a conflict; an older one, or one of a
     * closed case, is stale and removed).
     *
     * <p>Each registration remembers who submitted and with which {@code Idempotency-Key}. When the
     * same person sends the same key again and an open case of that key lists the household, that is
     * the retry of a submission whose answer was lost — typically the instance was killed after
     * writing the case but before the idempotency record was completed, and the key's in-flight lease
     * has expired — so the answer is that case ({@link SameSubmission}), never a second case.
     */
    public Mono<List<String>> claimHousehold(String number, String program, List<String> memberIds, Submitter submitter,
                                             Instant at) {
        List<String> keys = memberIds.stream().map(id -> program + "|" + id).distinct().toList();
        return sameSubmission(keys, submitter)
                .then(Flux.fromIterable(keys).map(key -> new Document("_id", key + "|" + number).append("key", key)
                                .append("number", number).append("subject", submitter.subject())
                                .append("idempotencyKey", submitter.idempotencyKey()).append("at", Date.from(at)))
                        .collectList().flatMapMany(docs -> mongo.insert(docs, CLAIMS)).then())
                .then(others(keys, number).collectList())
                .flatMapMany(Flux::fromIterable)
                .concatMap(claim -> conflicting(claim, submitter, at))
                .distinct().sort().collectList()
                .onErrorResume(SameSubmission.class, same -> releaseClaims(number).then(Mono.error(same)));
    }

    /** Registrations of the program's members by other cases (old single-claim documents included). */
    private Flux<Document> others(List<String> keys, String number) {
        return mongo.find(Query.query(new Criteria().andOperator(
                        new Criteria().orOperator(Criteria.where("key").in(keys), Criteria.where("_id").in(keys)),
                        Criteria.where("number").ne(number))), Document.class, CLAIMS);
    }

    private Mono<Void> sameSubmission(List<String> keys, Submitter submitter) {
        if (submitter.idempotencyKey() == null) {
            return Mono.empty();
        }
        return mongo.find(Query.query(new Criteria().andOperator(
                                new Criteria().orOperator(Criteria.where("key").in(keys), Criteria.where("_id").in(keys)),
                                Criteria.where("subject").is(submitter.subject()),
                                Criteria.where("idempotencyKey").is(submitter.idempotencyKey()))), Document.class, CLAIMS)
                .concatMap(claim -> find(claim.getString("number")).filter(c -> !c.status().terminal()))
                .next()
                .flatMap(c -> Mono.error(new SameSubmission(c.number())));
    }

    /** The other case's number if it is open (or being written); a stale registration is removed. */
    private Mono<String> conflicting(Document claim, Submitter submitter, Instant at) {
        String holder = claim.getString("number");
        Date claimedAt = claim.getDate("at");
        boolean inFlight = claimedAt != null && claimedAt.toInstant().isAfter(at.minus(IN_FLIGHT));
        Mono<Void> removeStale = mongo.remove(Query.query(Criteria.where("_id").is(claim.get("_id"))), CLAIMS).then();
        return find(holder).map(c -> !c.status().terminal() ? Open.OPEN : Open.CLOSED)
                .defaultIfEmpty(inFlight ? Open.BEING_WRITTEN : Open.CLOSED)
                .flatMap(state -> switch (state) {
                    // the same request's case, written meanwhile (a twin whose lease expired): that case
                    case OPEN -> submitter.sameRequestAs(claim) ? Mono.error(new SameSubmission(holder)) : Mono.just(holder);
                    // a twin still being written: both cases stay, each flagged for the clerk
                    case BEING_WRITTEN -> Mono.just(holder);
                    // closed, or an earlier attempt whose case was never written
                    case CLOSED -> removeStale.then(Mono.<String>empty());
                });
    }

    private enum Open { OPEN, BEING_WRITTEN, CLOSED }

    /** How long a registration without its case is taken for a submission still being written. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    /**
     * Adds the new case {@code number} to the household conflict of each of {@code others} (the new
     * case carries its own from {@link #insert}). Kept beside the aggregate — never part of the state
     * a command writes back, so a concurrent command cannot erase it — and shown to staff only.
     */
    public Mono<Void> markConflict(String number, List<String> others) {
        if (others.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(others)
                .concatMap(other -> mongo.updateFirst(Query.query(Criteria.where("_id").is(other)),
                        new Update().addToSet(HOUSEHOLD_CONFLICT, number), CaseDocuments.COLLECTION))
                .then();
    }

    /** The other open cases this case's household conflicts with (staff only); empty when none. */
    public Mono<List<String>> householdConflict(String number) {
        Query q = Query.query(Criteria.where("_id").is(number));
        q.fields().include(HOUSEHOLD_CONFLICT);
        return mongo.findOne(q, Document.class, CaseDocuments.COLLECTION)
                .map(d -> d.getList(HOUSEHOLD_CONFLICT, String.class, List.of()).stream().sorted().toList())
                .defaultIfEmpty(List.of());
    }

    /** Who submitted, and the {@code Idempotency-Key} they sent (null when they sent none). */
    public record Submitter(String subject, String idempotencyKey) {
        boolean sameRequestAs(Document claim) {
            return idempotencyKey != null && idempotencyKey.equals(claim.getString("idempotencyKey"))
                    && subject.equals(claim.getString("subject"));
        }
    }

    /** The household is claimed by the case this same request created before its answer was lost. */
    public static final class SameSubmission extends RuntimeException {
        private final String number;

        SameSubmission(String number) {
            super("the submission already created " + number, null, false, false);
            this.number = number;
        }

        public String number() {
            return number;
        }
    }

    public Mono<Void> releaseClaims(String number) {
        return mongo.remove(Query.query(Criteria.where("number").is(number)), CLAIMS).then();
    }

    /** The applicant ID numbers of every case the account submitted: the ID numbers known to be that person's. */
    public Flux<String> applicantIdNumbersOf(String subject) {
        Query q = Query.query(Criteria.where("ownerSubject").is(subject));
        q.fields().include("submission.applicantIdNumber");
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION)
                .mapNotNull(d -> d.get("submission", Document.class) == null ? null
                        : d.get("submission", Document.class).getString("applicantIdNumber"))
                .distinct();
    }

    public Mono<AssistanceCase> insert(Transitioned<AssistanceCase, List<DomainEvent>> submitted, String traceparent) {
        return insert(submitted, traceparent, List.of());
    }

    /**
     * A new case with its events in its outbox, and the other open cases its household conflicts with
     * (none: no field).
     */
    public Mono<AssistanceCase> insert(Transitioned<AssistanceCase, List<DomainEvent>> submitted, String traceparent,
                                       List<String> householdConflict) {
        AssistanceCase c = submitted.next();
        Document doc = CaseDocuments.state(c);
        if (!householdConflict.isEmpty()) {
            doc.put(HOUSEHOLD_CONFLICT, householdConflict);
        }
        doc.put(PendingEvents.FIELD, PendingEvents.documents(CaseDocuments.envelopes(submitted.event(), traceparent)));
        return mongo.insert(doc, CaseDocuments.COLLECTION).thenReturn(c);
    }

    /** Many new cases at once, without events (DEVSTACK fixtures: not facts, nothing to publish). */
    public Mono<Long> insertAll(List<AssistanceCase> cases) {
        List<Document> docs = cases.stream().map(CaseDocuments::state).toList();
        return mongo.insert(docs, CaseDocuments.COLLECTION).count();
    }

    public Mono<AssistanceCase> find(String number) {
        return mongo.findById(number, Document.class, CaseDocuments.COLLECTION).map(CaseDocuments::fromDocument);
    }

    /**
     * Writes the changed case and pushes its event into the outbox, if the stored version is still
     * {@code expectedVersion}; else 412. Answers the changed case.
     */
    public Mono<AssistanceCase> update(Transitioned<AssistanceCase, DomainEvent> change, long expectedVersion,
                                       String traceparent) {
        AssistanceCase next = change.next();
        Update update = new Update();
        for (Map.Entry<String, Object> e : CaseDocuments.state(next).entrySet()) {
            if (!e.getKey().equals("_id")) {
                update.set(e.getKey(), e.getValue());
            }
        }
        PendingEvents.push(update, CaseDocuments.envelopes(List.of(change.event()), traceparent));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(next.number()).and("version").is(expectedVersion)),
                        update, CaseDocuments.COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(next)
                        : find(next.number()).flatMap(current -> Mono.<AssistanceCase>error(
                                new StaleVersionProblem(expectedVersion, current.version()))));
    }

    /**
     * Writes a 调标 ({@code AssistanceCase#adjustToStandard}) if the stored version is still
     * {@code expectedVersion}: one update that sets the benefit and the version and pushes the new history
     * record and the {@code amount-changed} event — only what the command changed, so a run over many cases
     * sends a few hundred bytes per case instead of each whole case. Else 412.
     */
    public Mono<AssistanceCase> updateAdjusted(Transitioned<AssistanceCase, DomainEvent> adjusted, long expectedVersion) {
        AssistanceCase next = adjusted.next();
        Update update = new Update().set("benefit", CaseDocuments.field(next.benefit())).set("version", next.version())
                .push("history", CaseDocuments.field(next.history().get(next.history().size() - 1)));
        PendingEvents.push(update, CaseDocuments.envelopes(List.of(adjusted.event()), null));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(next.number()).and("version").is(expectedVersion)),
                        update, CaseDocuments.COLLECTION)
                .flatMap(r -> r.getModifiedCount() == 1 ? Mono.just(next)
                        : find(next.number()).flatMap(current -> Mono.<AssistanceCase>error(
                                new StaleVersionProblem(expectedVersion, current.version()))));
    }

    /** A page in number order after {@code cursor}. */
    public Flux<AssistanceCase> page(Criteria criteria, String cursor, int limit) {
        Criteria c = cursor == null || cursor.isBlank() ? criteria
                : new Criteria().andOperator(criteria, Criteria.where("_id").gt(cursor));
        return mongo.find(Query.query(c).with(Sort.by("_id")).limit(limit), Document.class, CaseDocuments.COLLECTION)
                .map(CaseDocuments::fromDocument);
    }

    /** How many cases match. */
    public Mono<Long> count(Criteria criteria) {
        return mongo.count(Query.query(criteria), CaseDocuments.COLLECTION);
    }

    public Flux<AssistanceCase> dueBy(Criteria scope, LocalDate until, int limit) {
        Criteria c = new Criteria().andOperator(scope, Criteria.where("open").is(true),
                Criteria.where("openDue").lte(until.toString()));
        return mongo.find(Query.query(c).with(Sort.by("openDue", "_id")).limit(limit), Document.class,
                CaseDocuments.COLLECTION).map(CaseDocuments::fromDocument);
    }

    public Flux<Document> countOpenByStatus() {
        Query q = Query.query(Criteria.where("open").is(true));
        q.fields().include("status").include("openDue").include(CaseDocuments.OFFICE_DUE)
                .include(CaseDocuments.APPLICANT_DUE);
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION);
    }

    /** Cases with a county decision: the fields the completion metrics need. */
    public Flux<Document> decided() {
        Query q = Query.query(Criteria.where("decision").ne(null));
        q.fields().include("deadlines").include("acceptedOn").include("decision.decidedOn");
        return mongo.find(q, Document.class, CaseDocuments.COLLECTION);
    }

    /**
     * Cases under a region prefix that have (or had) a monthly benefit, and approved 临时救助 awards
     * (ONE_OFF_AWARDED, paid once as a one-off line), in number order: what the payment roll reads.
     * 先行救助 cases (paid in cash) are not read.
     */
    public Flux<AssistanceCase> withMonthlyBenefitIn(String regionPrefix) {
        Criteria c = new Criteria().andOperator(regionPrefix(regionPrefix), Criteria.where("benefit").ne(null),
                new Criteria().orOperator(Criteria.where("program").ne("TEMPORARY"),
                        Criteria.where("status").is(ApplicationStatus.ONE_OFF_AWARDED.name())));
        return mongo.find(Query.query(c).with(Sort.by("_id")), Document.class, CaseDocuments.COLLECTION)
                .map(CaseDocuments::fromDocument);
    }

    /** 临时救助 cases listing any of {@code memberIds} (for the once-per-cause rule, {@link TemporaryAwards}). */
    public Flux<AssistanceCase> temporaryCasesListing(List<String> memberIds) {
        Criteria c = Criteria.where("program").is("TEMPORARY").and("memberIds").in(memberIds);
        return mongo.find(Query.query(c), Document.class, CaseDocuments.COLLECTION).map(CaseDocuments::fromDocument);
    }

    public static Criteria regionPrefix(String prefix) {
        if (!prefix.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("region prefix must be digits");
        }
        return Criteria.where("regionCode").regex("^" + prefix);
    }
}
