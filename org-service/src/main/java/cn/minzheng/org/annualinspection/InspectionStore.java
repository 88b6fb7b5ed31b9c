package cn.minzheng.org.annualinspection;

import java.time.LocalDate;
import cn.minzheng.org.outbox.AggregateDocuments;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** Campaigns, annual reports and the per-organization outcome of each year, in MongoDB. */
public class InspectionStore {
    public static final String CAMPAIGNS = "inspection_campaigns";
    public static final String REPORTS = "annual_reports";
    public static final String OUTCOMES = "inspection_outcomes";
    public static final String REVOCATION_PROPOSALS = "revocation_proposals";
    /** Outbox documents of the sweep: one per batch, holding that batch's events. */
    public static final String SWEEP_EVENTS = "sweep_events";
    private final AggregateDocuments documents;

    public InspectionStore(AggregateDocuments documents) {
        this.documents = documents;
    }

    public Mono<InspectionCampaign> insert(InspectionCampaign c, List<EventEnvelope> events) {
        return documents.insert(CAMPAIGNS, c, events, Map.of());
    }

    public Mono<Boolean> update(InspectionCampaign c, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(CAMPAIGNS, c, expectedVersion, events, Map.of());
    }

    public Mono<InspectionCampaign> campaign(String id) {
        return documents.mongo().findById(id, Document.class, CAMPAIGNS).map(d -> documents.fromDocument(InspectionCampaign.class, d));
    }

    /** Progress while a sweep runs: one small update, not a new version. */
    public Mono<Void> progress(String campaignId, SweepProgress progress) {
        return documents.mongo().updateFirst(new Query(Criteria.where("_id").is(campaignId)),
                new Update().set("progress", documents.toDocument(progress)), CAMPAIGNS).then();
    }

    public Mono<AnnualReport> insert(AnnualReport r, List<EventEnvelope> events) {
        return documents.insert(REPORTS, r, events, Map.of());
    }

    public Mono<Boolean> update(AnnualReport r, long expectedVersion, List<EventEnvelope> events) {
        return documents.update(REPORTS, r, expectedVersion, events, Map.of());
    }

    public Mono<AnnualReport> report(String id) {
        return documents.mongo().findById(id, Document.class, REPORTS).map(d -> documents.fromDocument(AnnualReport.class, d));
    }

    /** The outcome fixed for an organization and year, if the sweep has done it. */
    public Mono<SweepDecision> outcome(String organizationId, int year) {
        return documents.mongo().findById(outcomeId(organizationId, year), Document.class, OUTCOMES)
                .map(d -> new SweepDecision(d.getString("organizationId"), d.getInteger("year"), YearOutcome.valueOf(d.getString("outcome")),
                        Boolean.TRUE.equals(d.getBoolean("listAbnormal")), d.getString("revocationGround")));
    }

    /** The outcomes fixed for these organizations and year, by organization id ({@code _id $in}: one indexed query). */
    public Mono<Map<String, SweepDecision>> outcomes(List<String> organizationIds, int year) {
        List<String> ids = organizationIds.stream().map(o -> outcomeId(o, year)).toList();
        return documents.mongo().find(new Query(Criteria.where("_id").in(ids)), Document.class, OUTCOMES)
                .map(InspectionStore::decision)
                .collectMap(SweepDecision::organizationId);
    }

    /** The reports of these organizations for the year, by organization id ({@code _id $in}). */
    public Mono<Map<String, AnnualReport>> reports(List<String> organizationIds, int year) {
        List<String> ids = organizationIds.stream().map(o -> AnnualReport.idOf(o, year)).toList();
        return documents.mongo().find(new Query(Criteria.where("_id").in(ids)), Document.class, REPORTS)
                .map(d -> documents.fromDocument(AnnualReport.class, d))
                .collectMap(AnnualReport::organizationId);
    }

    /** Records many outcomes in one round trip; those already recorded (a re-run) are left as they are. */
    public Mono<Long> recordAll(String campaignId, List<SweepDecision> decisions) {
        return documents.insertAll(OUTCOMES, decisions.stream().map(d -> outcomeDocument(campaignId, d)).toList());
    }

    private static SweepDecision decision(Document d) {
        return new SweepDecision(d.getString("organizationId"), d.getInteger("year"), YearOutcome.valueOf(d.getString("outcome")),
                Boolean.TRUE.equals(d.getBoolean("listAbnormal")), d.getString("revocationGround"));
    }

    private static Document outcomeDocument(String campaignId, SweepDecision d) {
        return new Document("_id", outcomeId(d.organizationId(), d.year())).append("campaignId", campaignId)
                .append("organizationId", d.organizationId()).append("year", d.year()).append("outcome", d.outcome().name())
                .append("listAbnormal", d.listAbnormal()).append("revocationGround", d.revocationGround());
    }

    /** Records the outcome once; a second write of the same organization and year is ignored. */
    public Mono<Void> record(String campaignId, SweepDecision d) {
        Document doc = new Document("_id", outcomeId(d.organizationId(), d.year())).append("campaignId", campaignId)
                .append("organizationId", d.organizationId()).append("year", d.year()).append("outcome", d.outcome().name())
                .append("listAbnormal", d.listAbnormal()).append("revocationGround", d.revocationGround());
        return documents.mongo().insert(doc, OUTCOMES).then().onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** A revocation proposal: a case for a registrar, created once per organization and year, with its event. */
    public Mono<Void> propose(String organizationId, String authorityCode, int year, String ground, LocalDate on,
                              List<EventEnvelope> events) {
        Document doc = new Document("_id", "RVP-" + organizationId + "-" + year).append("organizationId", organizationId)
                .append("authorityCode", authorityCode).append("year", year).append("ground", ground)
                .append("status", "OPEN").append("proposedOn", on.toString())
                .append("version", 1L);
        return documents.insertDocument(REVOCATION_PROPOSALS, doc, events).onErrorResume(DuplicateKeyException.class, e -> Mono.empty());
    }

    /** One sweep batch's events, held until its facts are written ({@link AggregateDocuments#insertHeld}). */
    public Mono<Void> insertSweepEvents(String batchId, String campaignId, List<EventEnvelope> events) {
        return documents.insertHeld(SWEEP_EVENTS, batchId, Map.of("campaignId", campaignId), events);
    }

    /** Releases and drains a batch's held events once its facts are written ({@link AggregateDocuments#releaseHeld}). */
    public Mono<Void> releaseSweepEvents(String batchId) {
        return documents.releaseHeld(SWEEP_EVENTS, batchId);
    }

    static String outcomeId(String organizationId, int year) {
        return organizationId + "-" + year;
    }
}
