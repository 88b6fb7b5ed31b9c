package cn.minzheng.systemtests.hostile;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.ForgedEvents;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 1, as an attacker on the Kafka network would try it: well-formed CloudEvents (every
 * header valid, assistance-service's source and an 审批通过 type) that decode but that the trail cannot
 * store — dated beyond the event-time window ahead (the devstack allows 10 years: its business clocks
 * move) and behind (30 years), outside the years a record can hold at all (before 1970, year 10000 by a
 * time-zone offset, the year 300,000,000 that once overflowed the record's millisecond time and froze
 * ingest) — written to every partition of {@code assistance.events}, ahead of real events. Each lands
 * in {@code assistance.events.dlt} with its reason, none in the trail, and the next real application
 * submitted through the gateway is in its timeline within seconds. A forged copy of a real event (its
 * id, other content) changes nothing in the trail.
 */
@Tag("hostile")
@Order(21)
class UnstorableEventsTest {

    static final String TOPIC = "assistance.events";
    static final String DLT = TOPIC + ".dlt";
    static final Duration NEXT_EVENT_LIMIT = Duration.ofSeconds(20);

    /** An unstorable event time and the words its dead-letter reason must carry. */
    record Poison(String kind, String time, String reason) {
    }

    @Test
    void eventsTheTrailCannotStoreAreDeadLetteredWithTheirReasonAndTheNextRealEventIsChained() throws Exception {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        Trail trail = new Trail(gateway, tokens.of("unstorable-auditor", "AUDITOR", Households.COUNTY));
        String run = UUID.randomUUID().toString().substring(0, 8);
        String citizen = tokens.of("unstorable-citizen-" + run, "CITIZEN", Households.TOWNSHIP);

        // a real case first: its submitted event is what the forger copies
        String before = cases.submit(citizen, Households.dibao("700.00"));
        List<JsonNode> beforeRecords = new ArrayList<>();
        await("the first case in the trail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            beforeRecords.clear();
            beforeRecords.addAll(events(trail, before));
            assertThat(beforeRecords).isNotEmpty();
        });

        Instant now = Instant.now();
        List<Poison> poisons = List.of(
                new Poison("twenty-years-ahead", iso(now.atOffset(ZoneOffset.UTC).plusYears(20).toInstant()), "ahead of ingest time"),
                new Poison("forty-years-old", iso(now.atOffset(ZoneOffset.UTC).minusYears(40).toInstant()), "before ingest time"),
                new Poison("before-1970", "1969-12-31T23:59:59Z", "outside the range the trail holds"),
                new Poison("year-10000-by-offset", "9999-12-31T23:59:59.999-14:00", "outside the range the trail holds"),
                new Poison("year-300000000", "+300000000-01-01T00:00:00Z", "outside the range the trail holds"));
        Map<String, Poison> sent = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        String forgedReason = "伪造审批-" + run;
        try (KafkaProducer<String, byte[]> kafka = ForgedEvents.producer(platform)) {
            List<PartitionInfo> partitions = kafka.partitionsFor(TOPIC);
            for (Poison poison : poisons) {
                for (PartitionInfo p : partitions) {
                    String id = UUID.randomUUID().toString();
                    String subject = "ATTACK-" + run + "-" + poison.kind() + "-" + p.partition();
                    sent.put(id, poison);
                    subjects.put(id, subject);
                    kafka.send(new ProducerRecord<>(TOPIC, p.partition(), subject, ForgedEvents.approval(subject, "伪造审批"),
                            ForgedEvents.headers(ForgedEvents.APPROVED, ForgedEvents.ASSISTANCE, id, subject, poison.time()))).get();
                    RunSummary.hostileInputTried();
                }
            }
            // the first case's submitted event again under its own id and key, its content changed
            JsonNode original = beforeRecords.get(0);
            kafka.send(new ProducerRecord<>(TOPIC, null, before, ForgedEvents.approval(before, forgedReason),
                    ForgedEvents.headers(ForgedEvents.APPROVED, ForgedEvents.ASSISTANCE, original.path("eventId").asString(),
                            before, iso(now)))).get();
            RunSummary.hostileInputTried();
        }
        System.out.printf("[UnstorableEventsTest] %d unstorable events on %d partitions of %s, then a forged copy of %s%n",
                sent.size(), sent.size() / poisons.size(), TOPIC, original(beforeRecords));

        // the next real event: an application submitted through the gateway, behind the poison on its partition
        Instant submitted = Instant.now();
        String next = cases.submit(citizen, Households.dibao("710.00"));
        await("the next real application in its timeline").atMost(NEXT_EVENT_LIMIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    Answer timeline = trail.timeline(next);
                    assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);
                    assertThat(timeline.body()).contains("minzheng.assistance.application.submitted.v1");
                });
        System.out.printf("[UnstorableEventsTest] %s in its timeline %d ms after it was submitted%n", next,
                Duration.between(submitted, Instant.now()).toMillis());

        Map<String, List<String>> reasons = ForgedEvents.deadLettered(platform, List.of(DLT), sent.keySet(), Duration.ofSeconds(60));
        int lost = 0;
        for (Map.Entry<String, Poison> e : sent.entrySet()) {
            String reason = reasons.get(e.getKey()).get(0);
            assertThat(reason).as(e.getValue().kind() + " dead-lettered with its reason").contains(e.getKey())
                    .contains("event time").contains(e.getValue().reason());
            List<JsonNode> stored = trail.ofSubject(subjects.get(e.getKey()));
            lost += stored.isEmpty() ? 0 : 1;
            assertThat(stored).as(e.getValue().kind() + " is not in the trail").isEmpty();
        }
        List<JsonNode> beforeAfter = events(trail, before);
        List<JsonNode> nextRecords = events(trail, next);
        RunSummary.records(beforeRecords.size() + 1, nextRecords.isEmpty() ? 1 : 0,
                Math.max(0, beforeAfter.size() - beforeRecords.size()) + Math.max(0, nextRecords.size() - 1) + lost);
        assertThat(beforeAfter).as("the first case's records after a forged copy of one of them")
                .hasSameSizeAs(beforeRecords);
        assertThat(trail.timeline(before).body()).as("the forged reason in the first case's timeline").doesNotContain(forgedReason);
        assertThat(nextRecords).as("the next case's records").hasSize(1);
        trail.assertEveryChainVerifies();
    }

    /** The case's own events in the trail (not the records of auditors reading its timeline). */
    private static List<JsonNode> events(Trail trail, String number) {
        return trail.ofSubject(number).stream().filter(r -> r.path("type").asString().startsWith("minzheng.assistance.")).toList();
    }

    private static String original(List<JsonNode> records) {
        return records.get(0).path("subject").asString() + " (" + records.get(0).path("eventId").asString() + ")";
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
