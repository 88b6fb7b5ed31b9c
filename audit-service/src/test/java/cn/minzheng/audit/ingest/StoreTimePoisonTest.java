package cn.minzheng.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.audit.chain.AuditRecord;
import cn.minzheng.audit.chain.ChainHeadGauges;
import cn.minzheng.audit.chain.ChainStore;
import cn.minzheng.audit.chain.EventTimeRange;
import cn.minzheng.audit.chain.EventTimeWindow;
import cn.minzheng.audit.chain.IncomingEvent;
import cn.minzheng.audit.chain.ChainVerdict;
import cn.minzheng.audit.verify.Verification;
import cn.minzheng.platform.embedded.EmbeddedInfra;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.kit.messaging.ConsumerTraceInterceptor;
import cn.minzheng.platform.kit.messaging.KafkaConsumerAutoConfiguration;
import cn.minzheng.platform.kit.messaging.RawDeadLetters;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import reactor.core.publisher.Mono;

/**
 * Issue 14, "the audit trail never stops": a well-formed event the trail cannot store goes to
 * {@code <topic>.dlt} with the reason and the events behind it are stored and chained; a store
 * that is down is waited for, losing and duplicating nothing. Real broker, real Mongo-wire server;
 * the refusing and the failing store are the real store with one method overridden.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreTimePoisonTest extends AuditServiceTestBase {

    private static final String APPROVED = "minzheng.assistance.application.approved.v1";

    /** The service's record keys: hand-made appenders MAC as the service does, so its verification accepts them. */
    @Autowired
    cn.minzheng.audit.chain.RecordMac recordMac;

    @Autowired
    MongoDatabase database;
    @Autowired
    ChainStore chains;
    @Autowired
    Verification verification;
    @Autowired
    RawDeadLetters deadLetters;
    @Autowired
    ConsumerTraceInterceptor traces;
    @Autowired
    @Qualifier(KafkaConsumerAutoConfiguration.RAW_BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> containerFactory;

    @Test
    void eventTimesTheTrailCannotHoldAreDeadLetteredAndTheEventsBehindThemAreChained(CapturedOutput output) {
        String topic = "far-future-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 1);
        createTopic(topic + ".dlt", 1);
        // the last instant a JavaScript Date holds; and a year whose epoch milliseconds overflow a long
        EventEnvelope jsDateMax = acceptance("DB-FAR-1", Instant.parse("+275760-09-13T00:00:00Z"));
        EventEnvelope overflowing = acceptance("DB-FAR-2", Instant.parse("+300000000-01-01T00:00:00Z"));
        send(topic, jsDateMax);
        send(topic, overflowing);
        List<EventEnvelope> approvals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            EventEnvelope approval = event(APPROVED, "DB-FAR-" + (10 + i), "421303001", "REVIEWED", "APPROVED", "审批通过",
                    Instant.parse("2026-03-05T09:00:00Z").plusSeconds(i));
            approvals.add(approval);
            send(topic, approval);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(topic) >= 3);
        assertThat(storedOf(topic)).isEqualTo(3);
        assertChain(topic + "-0", approvals.stream().map(EventEnvelope::id).toList());

        List<ConsumerRecord<String, byte[]>> dead = DeadLetterTopic.readAll(topic + ".dlt", 2);
        assertThat(dead).extracting(r -> DeadLetterTopic.header(r, "ce_id")).containsExactly(jsDateMax.id(), overflowing.id());
        assertThat(dead).extracting(r -> DeadLetterTopic.header(r, KafkaHeaders.DLT_ORIGINAL_OFFSET)).containsExactly("0", "1");
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(jsDateMax.id())
                .contains("event time +275760-09-13T00:00:00Z is outside the range the trail holds");
        assertThat(DeadLetterTopic.header(dead.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("event time +300000000-01-01T00:00:00Z is outside");
        assertThat(dead.get(1).value()).isEqualTo(KafkaCloudEvents.value(overflowing)); // the exact bytes
        assertThat(scrape("kafka_dead_letters_total", "topic=\"" + topic + "\"")).hasValue(2.0);
        assertThat(scrape("audit_ingest_dead_letters_total", "topic=\"" + topic + "\"", "stage=\"store\"",
                "reason=\"event-time\"")).hasValue(2.0);
        assertThat(output.getAll().lines().filter(l -> l.contains("ERROR") && l.contains(topic + "-0@1")
                && l.contains(overflowing.id()))).isNotEmpty();
    }

    /**
     * The window around the ingest moment (service wiring, real clock: the defaults PT5M/P30Y leave
     * 55 minutes and 10 years of margin either side of these times).
     */
    @Test
    void eventTimesOutsideTheWindowAroundIngestAreDeadLetteredAndTheNextEventIsChained() {
        String topic = "window-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 1);
        createTopic(topic + ".dlt", 1);
        Instant now = Instant.now();
        EventEnvelope preDated = acceptance("DB-WIN-1", now.plus(Duration.ofHours(1)));
        EventEnvelope fortyYearsOld = acceptance("DB-WIN-2",
                now.atOffset(java.time.ZoneOffset.UTC).minusYears(40).toInstant());
        send(topic, preDated);
        send(topic, fortyYearsOld);
        EventEnvelope real = event(APPROVED, "DB-WIN-3", "421303001", "REVIEWED", "APPROVED", "审批通过", now);
        send(topic, real);

        await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(topic) >= 1);
        assertChain(topic + "-0", List.of(real.id()));

        List<ConsumerRecord<String, byte[]>> dead = DeadLetterTopic.readAll(topic + ".dlt", 2);
        assertThat(dead).extracting(r -> DeadLetterTopic.header(r, "ce_id")).containsExactly(preDated.id(), fortyYearsOld.id());
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(preDated.id())
                .contains("is more than PT5M ahead of ingest time");
        assertThat(DeadLetterTopic.header(dead.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(fortyYearsOld.id())
                .contains("is more than P30Y before ingest time");
        assertThat(dead.get(0).value()).isEqualTo(KafkaCloudEvents.value(preDated));
        assertThat(scrape("audit_ingest_dead_letters_total", "topic=\"" + topic + "\"", "stage=\"store\"",
                "reason=\"event-time-window\"")).hasValue(2.0);
        assertThat(storedOf(topic)).isEqualTo(1);
    }

    @Test
    void aRecordTheStoreRefusesIsDeadLetteredAndTheRestOfItsBatchIsChained() {
        String topic = "refused-" + UUID.randomUUID().toString().substring(0, 8) + ".trail-test";
        createTopic(topic, 1);
        createTopic(topic + ".dlt", 1);
        List<EventEnvelope> sent = approvals(20);
        sent.forEach(e -> producer().send(KafkaCloudEvents.toRecord(topic, e)));
        producer().flush(); // all there before the consumer starts: one poll, the refused record mid-batch
        EventEnvelope refusedEvent = sent.get(7);
        RefusingStore store = new RefusingStore(database, refusedEvent.id());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        withIngest(topic, store, meters, () -> await().atMost(Duration.ofSeconds(60)).until(() -> storedOf(topic) >= 19));

        assertThat(storedOf(topic)).isEqualTo(19);
        List<String> expected = new ArrayList<>(sent.stream().map(EventEnvelope::id).toList());
        expected.remove(refusedEvent.id());
        assertChain(topic + "-0", expected); // event 8 took sequence 8, linked to event 6
        assertThat(store.refusals.get()).isGreaterThanOrEqualTo(2); // refused in the batch, then alone

        List<ConsumerRecord<String, byte[]>> dead = DeadLetterTopic.readAll(topic + ".dlt", 1);
        assertThat(dead).hasSize(1);
        assertThat(DeadLetterTopic.header(dead.get(0), "ce_id")).isEqualTo(refusedEvent.id());
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo("7");
        assertThat(DeadLetterTopic.header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(refusedEvent.id())
                .contains("refused by the store (error 121): Document failed validation");
        assertThat(meters.counter(IngestBatch.DEAD_LETTERS, "topic", topic, "stage", "store", "reason",
                "refused-by-store").count()).isEqualTo(1.0);
        assertThat(meters.counter(IngestBatch.STORE_FAILURES).count()).isZero();
    }

    @Test
    void anOutageOfTheWholeStoreLosesAndDuplicatesNothing() throws Exception {
        String topic = "outage-" + UUID.randomUUID().toString().substring(0, 8) + ".trail-test";
        createTopic(topic, 1);
        createTopic(topic + ".dlt", 1);
        List<EventEnvelope> sent = approvals(60);
        sent.forEach(e -> producer().send(KafkaCloudEvents.toRecord(topic, e)));
        producer().flush();
        OutageStore store = new OutageStore(database, sent.get(20).id(), 4);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String group = "outage-" + UUID.randomUUID();

        withIngest(topic, group, store, meters, () -> await().atMost(Duration.ofSeconds(90))
                .until(() -> committed(group, topic) == 60));

        assertThat(store.outages.get()).isEqualTo(1);
        assertThat(store.failedCalls.get()).isEqualTo(5); // the cut write, then 4 calls while down
        assertThat(meters.counter(IngestBatch.STORE_FAILURES).count()).isGreaterThanOrEqualTo(5.0);
        assertThat(storedOf(topic)).isEqualTo(60);
        assertChain(topic + "-0", sent.stream().map(EventEnvelope::id).toList());
        assertThat(endOffset(topic + ".dlt")).isZero();
        assertThat(meters.find(IngestBatch.DEAD_LETTERS).counters()).isEmpty();
    }

    @Test
    void theAppenderSetsARefusedRecordAsideAndChainsTheNextToTheLastStored() {
        String topic = "isolate-" + UUID.randomUUID().toString().substring(0, 8) + ".trail-test";
        String chain = topic + "-0";
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(cn.minzheng.audit.chain.ChainFixture.event(topic, 0, i));
        }
        String refusedId = events.get(4).eventId();
        ChainAppender appender = new ChainAppender(new RefusingStore(database, refusedId), Clock.systemUTC(),
                new ChainHeadGauges(new SimpleMeterRegistry()), recordMac);

        ChainAppender.Appended first = appender.append(chain, events.subList(0, 6));
        ChainAppender.Appended again = appender.append(chain, events); // redelivered with the rest

        assertThat(first.stored()).isEqualTo(5);
        assertThat(first.refused()).extracting(r -> r.event().eventId()).containsExactly(refusedId);
        assertThat(again.stored()).isEqualTo(4);
        assertThat(again.refused()).extracting(r -> r.event().eventId()).containsExactly(refusedId);
        List<String> expected = new ArrayList<>(events.stream().map(IncomingEvent::eventId).toList());
        expected.remove(refusedId);
        assertChain(chain, expected);
    }

    // ---- a store that refuses one document, and one that goes down for a while -------------------

    /** The real store, except that the server "refuses" one event's document (a failed $jsonSchema, code 121). */
    static class RefusingStore extends ChainStore {
        final String refusedEventId;
        final AtomicInteger refusals = new AtomicInteger();

        RefusingStore(MongoDatabase database, String refusedEventId) {
            super(database);
            this.refusedEventId = refusedEventId;
        }

        @Override
        public Mono<Void> insert(List<AuditRecord> chained) {
            int at = indexOf(chained, refusedEventId);
            if (at < 0) {
                return super.insert(chained);
            }
            refusals.incrementAndGet();
            if (chained.size() == 1) {
                return Mono.error(new MongoWriteException(new WriteError(121, "Document failed validation",
                        new BsonDocument()), new ServerAddress(), Set.of()));
            }
            // as an ordered insertMany: the documents before the refused one are written
            return super.insert(chained.subList(0, at)).then(Mono.error(new MongoBulkWriteException(
                    BulkWriteResult.acknowledged(at, 0, 0, 0, List.of(), List.of()),
                    List.of(new BulkWriteError(121, "Document failed validation", new BsonDocument(), at)), null,
                    new ServerAddress(), Set.of())));
        }
    }

    /**
     * The real store, until the write holding {@code triggerEventId} is cut off half-way (the first
     * half written, the connection lost); the next {@code callsDown} calls of any kind then time out.
     */
    static class OutageStore extends ChainStore {
        final String triggerEventId;
        final AtomicInteger down = new AtomicInteger();
        final AtomicInteger callsDown;
        final AtomicBoolean triggered = new AtomicBoolean();
        final AtomicInteger outages = new AtomicInteger();
        final AtomicInteger failedCalls = new AtomicInteger();

        OutageStore(MongoDatabase database, String triggerEventId, int callsDown) {
            super(database);
            this.triggerEventId = triggerEventId;
            this.callsDown = new AtomicInteger(callsDown);
        }

        private <T> Mono<T> whileUp(Mono<T> call) {
            return Mono.defer(() -> {
                if (down.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    failedCalls.incrementAndGet();
                    return Mono.error(new MongoTimeoutException("Timed out while waiting for a server (test outage)"));
                }
                return call;
            });
        }

        @Override
        public Mono<Set<String>> storedEventIds(Collection<String> eventIds) {
            return whileUp(super.storedEventIds(eventIds));
        }

        @Override
        public Mono<cn.minzheng.audit.chain.ChainHead> head(String chain) {
            return whileUp(super.head(chain));
        }

        @Override
        public Mono<Void> advanceHead(cn.minzheng.audit.chain.ChainHead head) {
            return whileUp(super.advanceHead(head));
        }

        @Override
        public Mono<Void> insert(List<AuditRecord> chained) {
            if (indexOf(chained, triggerEventId) >= 0 && triggered.compareAndSet(false, true)) {
                outages.incrementAndGet();
                failedCalls.incrementAndGet();
                return super.insert(chained.subList(0, chained.size() / 2)).then(Mono.defer(() -> {
                    down.set(callsDown.get());
                    return Mono.error(new MongoSocketReadException("Prematurely reached end of stream (test outage)",
                            new ServerAddress()));
                }));
            }
            return whileUp(Mono.defer(() -> super.insert(chained)));
        }
    }

    private static int indexOf(List<AuditRecord> records, String eventId) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).eventId().equals(eventId)) {
                return i;
            }
        }
        return -1;
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private void withIngest(String topic, ChainStore store, SimpleMeterRegistry meters, Runnable body) {
        withIngest(topic, "refusal-" + UUID.randomUUID(), store, meters, body);
    }

    /** Ingest of {@code topic} alone (outside the service's topic pattern) through {@code store}. */
    private void withIngest(String topic, String group, ChainStore store, SimpleMeterRegistry meters, Runnable body) {
        IngestBatch batch = new IngestBatch(new ChainAppender(store, Clock.systemUTC(), new ChainHeadGauges(meters),
                recordMac),
                deadLetters, traces, EventTimeRange.DEFAULT, EventTimeWindow.DEFAULT, Clock.systemUTC(), meters);
        ConcurrentMessageListenerContainer<String, byte[]> container = containerFactory.createContainer(
                Pattern.compile(Pattern.quote(topic)));
        container.getContainerProperties().setGroupId(group);
        container.getContainerProperties().setMessageListener(
                (BatchMessageListener<String, byte[]>) records -> batch.handle(records));
        try {
            container.start();
            body.run();
        } finally {
            container.stop();
        }
    }

    private static List<EventEnvelope> approvals(int n) {
        List<EventEnvelope> events = new ArrayList<>();
        Instant t0 = Instant.parse("2026-03-06T09:00:00Z");
        for (int i = 0; i < n; i++) {
            events.add(event(APPROVED, "DB-R-" + i, "421303001", "REVIEWED", "APPROVED", "审批通过 " + i,
                    t0.plusSeconds(i)));
        }
        return events;
    }

    private static EventEnvelope acceptance(String subject, Instant time) {
        return EventEnvelope.builder("minzheng.assistance.application.accepted.v1")
                .source("/minzheng/assistance").subject(subject).actor("clerk-421303", "CLERK")
                .regionCode("421303").time(time).aggregateVersion(2)
                .data(EventData.of(subject, "application").transition("SUBMITTED", "ACCEPTED").reason("材料齐全")).build();
    }

    /** The chain holds exactly these events at sequences 1..n, and verifies. */
    private void assertChain(String chain, List<String> eventIds) {
        List<String> stored = chains.range(chain, 1, eventIds.size() + 1L).map(AuditRecord::eventId)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(stored).containsExactlyElementsOf(eventIds);
        ChainVerdict verdict = verification.verify(chain, null, null).block(Duration.ofSeconds(30));
        assertThat(verdict.ok()).as("%s", verdict.failure()).isTrue();
        assertThat(verdict.count()).isEqualTo(eventIds.size());
    }

    private long storedOf(String topic) {
        return Mono.from(database.getCollection("audit_records").countDocuments(Filters.eq("topic", topic)))
                .block(Duration.ofSeconds(30));
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", EmbeddedInfra.shared().bootstrapServers()))) {
            var offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return offset == null ? 0 : offset.offset();
        }
    }

    private static long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", EmbeddedInfra.shared().bootstrapServers()))) {
            TopicPartition tp = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
        }
    }
}
