package cn.minzheng.assistance.application;

import cn.minzheng.assistance.deadlines.Deadline;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.kit.outbox.PendingEvents;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.List;

/**
 * An {@link AssistanceCase} as a Mongo document: the aggregate's JSON, {@code _id} = case number,
 * derived query fields ({@code open}, {@code openDue}, {@code applicantName}) and the outbox array
 * ({@code pendingEvents}, the service kit's format). The outbox belongs to the document, not to the case:
 * the store pushes a transition's events ({@link #envelopes}) into it with the state in one write, the
 * relay drains it, and {@link #fromDocument} leaves it out.
 */
public final class CaseDocuments {
    static final String COLLECTION = "applications";
    /** The earliest open deadline the office keeps / the applicant keeps (the reply to a 一次性告知). */
    public static final String OFFICE_DUE = "officeDue";
    public static final String APPLICANT_DUE = "applicantDue";
    static final List<String> DERIVED = List.of("_id", "open", "openDue", OFFICE_DUE, APPLICANT_DUE, "applicantName", PendingEvents.FIELD,
            PendingEvents.CLAIM_FIELD, ApplicationStore.HOUSEHOLD_CONFLICT);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private CaseDocuments() {
    }

    /** Every field of the case (not the outbox, which is only ever pushed to) with the derived query fields. */
    public static Document state(AssistanceCase c) {
        Document doc = Document.parse(JSON.writeValueAsString(c));
        doc.put("_id", c.number());
        doc.put("open", !c.status().terminal());
        doc.put("openDue", c.deadlines().stream().filter(Deadline::open).map(Deadline::promisedDue)
                .min(Comparator.naturalOrder()).map(Object::toString).orElse(null));
        doc.put(OFFICE_DUE, earliestOpen(c, false));
        doc.put(APPLICANT_DUE, earliestOpen(c, true));
        doc.put("applicantName", c.submission().members().stream()
                .filter(m -> m.idNumber() != null && m.idNumber().equalsIgnoreCase(c.submission().applicantIdNumber()))
                .map(m -> m.name()).findFirst().orElse(null));
        return doc;
    }

    /** One value of the case (a field of {@link #state}) as stored: a document, or a list of documents. */
    static Object field(Object value) {
        String json = JSON.writeValueAsString(java.util.Map.of("v", value));
        return Document.parse(json).get("v");
    }

    private static String earliestOpen(AssistanceCase c, boolean keptByApplicant) {
        return c.deadlines().stream().filter(Deadline::open).filter(d -> d.step().keptByApplicant() == keptByApplicant)
                .map(Deadline::promisedDue).min(Comparator.naturalOrder()).map(Object::toString).orElse(null);
    }

    /** A transition's events as the outbox stores them. */
    public static List<EventEnvelope> envelopes(List<DomainEvent> events, String traceparent) {
        return events.stream().map(e -> CaseEnvelopes.of(e, traceparent)).toList();
    }

    /** The case as stored, without the outbox (published or not, its events are the relay's business). */
    public static AssistanceCase fromDocument(Document doc) {
        Document copy = new Document(doc);
        DERIVED.forEach(copy::remove);
        return JSON.readValue(copy.toJson(RELAXED), AssistanceCase.class);
    }
}
