package cn.minzheng.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainFixture;
import cn.minzheng.audit.chain.RecordDocuments;
import cn.minzheng.audit.chain.RecordKeyFile;
import cn.minzheng.audit.chain.RecordMac;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.checkpoint.VerificationKeys;
import cn.minzheng.audit.projection.Projections;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 14 item 3 end to end: someone holding only the audit database credential (their own client
 * over the Mongo wire, no record key) appends a correctly linked record, alters one and re-links the
 * tail, reorders two, deletes one, or edits the subjects index. Each is found by the verify API, by
 * the offline verifier given the record key file (on a chain export), and by the timeline of the
 * case; the chain as ingested is AUTHENTICATED first.
 */
class RecordMacTamperTest extends AuditServiceTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int RECORDS = 5;
    private static MongoClient attackerClient;
    private static MongoDatabase attacker;

    @BeforeAll
    static void attacker() {
        attackerClient = MongoClients.create(EmbeddedInfra.shared().mongoUri("audit"));
        attacker = attackerClient.getDatabase("audit");
    }

    @AfterAll
    static void closeAttacker() {
        attackerClient.close();
    }

    /** What the tampering did, what verify must name (null = the chain stays intact), what the timeline must report. */
    record Expected(String kind, Long sequence, String timelineFinding) {
    }

    record Tampering(String what, Consumer<Trail> tamper, Expected expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    /** One case's chain as ingested (every record on its own unique topic). */
    record Trail(String chain, String subject, List<AuditRecord> records) {
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                new Tampering("append a correctly linked record without a MAC", t -> append(t, null),
                        new Expected("MAC_MISSING", (long) RECORDS + 1, "no-mac")),
                new Tampering("append a correctly linked record with the previous record's MAC copied", t -> append(t, "copy"),
                        new Expected("MAC_INVALID", (long) RECORDS + 1, "mac-invalid")),
                new Tampering("alter #3 and re-link the whole tail, MACs kept", RecordMacTamperTest::alterAndRelink,
                        new Expected("MAC_INVALID", 3L, "mac-invalid")),
                new Tampering("reorder #3 and #4, renumbered and re-linked, MACs moved along", RecordMacTamperTest::reorder,
                        new Expected("MAC_INVALID", 3L, "mac-invalid")),
                new Tampering("delete record #4, the index still lists it", t -> delete(t, 4),
                        new Expected("MISSING", 4L, "missingRecords")),
                new Tampering("delete #2's entry from the subjects index", RecordMacTamperTest::hideFromIndex,
                        new Expected(null, null, "notInIndex")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    @SuppressWarnings("unchecked")
    void aChangeMadeWithTheDatabaseCredentialAloneIsFoundByVerifyTheOfflineVerifierAndTheTimeline(Tampering tampering)
            throws Exception {
        Trail trail = ingest();
        Map<String, Object> before = verification(trail.chain());
        assertThat(before).containsEntry("ok", true).containsEntry("verdict", "AUTHENTICATED");
        assertThat(trail.records()).allSatisfy(r -> assertThat(r.macKeyId()).isEqualTo(RecordKeyFile.read(RECORD_KEY_FILE).keyId()));
        Map<String, Object> cleanTimeline = timeline(trail.subject());
        assertThat(integrity(cleanTimeline)).containsEntry("verified", true);

        tampering.tamper().accept(trail);
        Expected expected = tampering.expected();

        // the verify API
        Map<String, Object> after = verification(trail.chain());
        if (expected.kind() == null) {
            assertThat(after).as(tampering.what()).containsEntry("ok", true).containsEntry("verdict", "AUTHENTICATED");
        } else {
            assertThat(after).as(tampering.what()).containsEntry("ok", false).containsEntry("verdict", "TAMPERED");
            @SuppressWarnings("unchecked")
            Map<String, Object> failure = (Map<String, Object>) after.get("failure");
            assertThat(failure).as(tampering.what()).containsEntry("kind", expected.kind())
                    .containsEntry("sequence", expected.sequence().intValue());
        }

        // the offline verifier, given the record key file, on a chain export
        String ndjson = client().get().uri("/api/v1/audit/exports/chains/{c}.ndjson", trail.chain())
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String pems = client().get().uri("/api/v1/audit/public/keys.pem").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OfflineVerifier.Report report = OfflineVerifier.verify(new StringReader(ndjson),
                VerificationKeys.trusted(PublicKeys.parseAll(pems)),
                RecordMac.verifying(List.of(RecordKeyFile.read(RECORD_KEY_FILE))),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String out = printed.toString(StandardCharsets.UTF_8);
        if (expected.kind() == null) {
            assertThat(report.exitCode()).as(out).isZero();
            assertThat(out).contains("OK " + RECORDS + " record MACs valid");
        } else if (expected.kind().equals("MISSING")) {
            // the export reads the records by sequence: the gap is where the walk stops
            assertThat(report.exitCode()).as(out).isEqualTo(1);
            assertThat(report.verdict().failure().sequence()).as(out).isEqualTo(expected.sequence());
        } else {
            assertThat(report.exitCode()).as(out).isEqualTo(1);
            assertThat(report.verdict().failure().kind().name()).as(out).isEqualTo(expected.kind());
            assertThat(out).contains("TAMPERED", "sequence=" + expected.sequence(), "kind=" + expected.kind());
        }

        // the timeline of the case
        Map<String, Object> tl = timeline(trail.subject());
        Map<String, Object> integrity = integrity(tl);
        assertThat(integrity).as(tampering.what()).containsEntry("verified", false).containsEntry("indexCompared", true);
        switch (expected.timelineFinding()) {
            case "missingRecords" -> assertThat((List<Object>) integrity.get("missingRecords")).as(tampering.what())
                    .containsExactly(trail.records().get(3).eventId());
            case "notInIndex" -> {
                assertThat((List<?>) integrity.get("notInIndex")).as(tampering.what()).hasSize(1).first()
                        .extracting(m -> ((Map<?, ?>) m).get("eventId")).isEqualTo(trail.records().get(1).eventId());
                assertThat(entries(tl)).filteredOn(e -> trail.records().get(1).eventId().equals(e.get("eventId")))
                        .singleElement().satisfies(e -> assertThat(e).containsEntry("indexed", false));
            }
            default -> assertThat(entries(tl)).as(tampering.what())
                    .filteredOn(e -> ((Number) e.get("sequence")).longValue() == expected.sequence())
                    .singleElement().satisfies(e -> assertThat(e).containsEntry("integrity", expected.timelineFinding()));
        }
    }

    // ---- the attacker's edits, over their own Mongo-wire connection ---------------------------

    private static void append(Trail t, String mac) {
        AuditRecord last = t.records().get(t.records().size() - 1);
        AuditRecord forged = ChainFixture.rehashed(new AuditRecord(t.chain(), last.sequence() + 1, last.hash(),
                UUID.randomUUID().toString(), last.topic(), last.partition(), last.offset() + 1,
                EventTypes.APPLICATION_APPROVED, t.subject(), "approver-forged", "APPROVER", last.regionCode(),
                last.time(), null, Map.of("aggregateId", t.subject(), "toStatus", "APPROVED"), last.receivedAt(), null));
        if ("copy".equals(mac)) {
            forged = forged.withMac(last.macKeyId(), last.mac());
        }
        block(records().insertOne(RecordDocuments.toDocument(forged)));
        block(attacker.getCollection("chain_heads").updateOne(Filters.eq("_id", t.chain()),
                Updates.combine(Updates.set("sequence", forged.sequence()), Updates.set("hash", forged.hash()))));
        block(attacker.getCollection(Projections.SUBJECTS).updateOne(Filters.eq("_id", t.subject()),
                Updates.addToSet("eventIds", forged.eventId())));
    }

    private static void alterAndRelink(Trail t) {
        List<AuditRecord> rewritten = new ArrayList<>();
        String prev = t.records().get(1).hash();
        for (AuditRecord r : t.records().subList(2, t.records().size())) {
            AuditRecord edited = r.sequence() == 3 ? ChainFixture.withData(r, Map.of("aggregateId", t.subject(),
                    "toStatus", "DENIED", "reason", "不符合条件")) : r;
            AuditRecord relinked = ChainFixture.withPrevHash(edited, prev);
            rewritten.add(relinked);
            prev = relinked.hash();
        }
        replace(t, rewritten);
    }

    private static void reorder(Trail t) {
        List<AuditRecord> moved = new ArrayList<>(t.records().subList(2, t.records().size()));
        java.util.Collections.swap(moved, 0, 1);
        List<AuditRecord> rewritten = new ArrayList<>();
        String prev = t.records().get(1).hash();
        long seq = 3;
        for (AuditRecord r : moved) {
            AuditRecord relinked = ChainFixture.withPrevHash(ChainFixture.withSequence(r, seq++), prev);
            rewritten.add(relinked);
            prev = relinked.hash();
        }
        replace(t, rewritten);
    }

    private static void delete(Trail t, long sequence) {
        block(records().deleteOne(Filters.eq("_id", RecordDocuments.id(t.chain(), sequence))));
    }

    private static void hideFromIndex(Trail t) {
        block(attacker.getCollection(Projections.SUBJECTS).updateOne(Filters.eq("_id", t.subject()),
                Updates.pull("eventIds", t.records().get(1).eventId())));
    }

    /** Replaces the records of the same sequences (deleted first: event ids are unique), and the head. */
    private static void replace(Trail t, List<AuditRecord> rewritten) {
        for (AuditRecord r : rewritten) {
            block(records().deleteOne(Filters.eq("_id", RecordDocuments.id(r.chain(), r.sequence()))));
        }
        block(records().insertMany(rewritten.stream().map(RecordDocuments::toDocument).toList()));
        AuditRecord head = rewritten.get(rewritten.size() - 1);
        block(attacker.getCollection("chain_heads").updateOne(Filters.eq("_id", t.chain()),
                Updates.combine(Updates.set("sequence", head.sequence()), Updates.set("hash", head.hash()))));
    }

    private static MongoCollection<Document> records() {
        return attacker.getCollection(RecordDocuments.COLLECTION);
    }

    private static void block(org.reactivestreams.Publisher<?> write) {
        Mono.from(write).block(WAIT);
    }

    // ---- the trail as ingested, and the service's answers ---------------------------------------

    private Trail ingest() {
        String topic = "mac-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        String subject = "DB-421303-20250701-" + UUID.randomUUID().toString().substring(0, 6);
        createTopic(topic, 1);
        String[][] steps = {{EventTypes.APPLICATION_SUBMITTED, null, "SUBMITTED"},
            {EventTypes.APPLICATION_ACCEPTED, "SUBMITTED", "ACCEPTED"},
            {EventTypes.APPLICATION_OPINION_ISSUED, "ACCEPTED", "OPINION_ISSUED"},
            {EventTypes.APPLICATION_PUBLICITY_STARTED, "OPINION_ISSUED", "PUBLICITY"},
            {EventTypes.APPLICATION_APPROVED, "PUBLICITY", "APPROVED"}};
        Instant t0 = Instant.parse("2025-07-01T00:00:00Z");
        for (int i = 0; i < RECORDS; i++) {
            send(topic, event(steps[i][0], subject, "421303001", steps[i][1], steps[i][2], "step " + i,
                    t0.plusSeconds(60L * i)));
        }
        String chain = topic + "-0";
        List<AuditRecord> records = await().atMost(Duration.ofSeconds(60)).until(() -> Flux.from(records()
                        .find(Filters.eq("chain", chain))).map(RecordDocuments::fromDocument).collectList().block(WAIT),
                l -> l.size() == RECORDS);
        records = new ArrayList<>(records);
        records.sort(java.util.Comparator.comparingLong(AuditRecord::sequence));
        // the subjects index lists all of them (written right after the records)
        await().atMost(Duration.ofSeconds(60)).until(() -> integrity(timeline(subject)).get("verified"),
                Boolean.TRUE::equals);
        return new Trail(chain, subject, List.copyOf(records));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verification(String chain) {
        return client().get().uri("/api/v1/audit/chains/{c}/verification", chain).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> timeline(String subject) {
        return client().get().uri("/api/v1/audit/timeline/{s}", subject).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> integrity(Map<String, Object> timeline) {
        return (Map<String, Object>) timeline.get("integrity");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> timeline) {
        return (List<Map<String, Object>>) timeline.get("entries");
    }
}
