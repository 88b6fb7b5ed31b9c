package cn.minzheng.systemtests.hostile;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 2, as an attacker on the devstack's Kafka network (PLAINTEXT on loopback, as the
 * devstack may stay): events whose type the topic or the source they come with does not own — an
 * 审批通过 of assistance-service written onto {@code org.events}, the same type on its own topic under
 * org-service's source or a made-up one, an org event on {@code assistance.events}. Each is
 * dead-lettered with the ownership reason and is in no trail record and no timeline; a real application
 * submitted through the gateway afterwards is in its timeline within seconds.
 */
@Tag("hostile")
@Order(26)
class ForeignEventsTest {

    /** A forged event: where it is written, its type and source, and the words its dead-letter reason carries. */
    record Forgery(String name, String topic, String type, String source, String reason) {
    }

    @Test
    void anEventTypeIsAcceptedOnlyFromTheTopicAndSourceThatOwnIt() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Trail trail = new Trail(gateway, tokens.of("foreign-auditor", "AUDITOR", Households.COUNTY));
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Forgery> forgeries = List.of(
                new Forgery("assistance-type-on-org-topic", "org.events", ForgedEvents.APPROVED, ForgedEvents.ASSISTANCE,
                        "belongs to topic assistance.events"),
                new Forgery("org-source", "assistance.events", ForgedEvents.APPROVED, ForgedEvents.ORG,
                        "published only by source " + ForgedEvents.ASSISTANCE),
                new Forgery("made-up-source", "assistance.events", ForgedEvents.APPROVED, "/minzheng/approvals",
                        "published only by source " + ForgedEvents.ASSISTANCE),
                new Forgery("org-type-on-assistance-topic", "assistance.events", "minzheng.org.organization.abnormal-listed.v1",
                        ForgedEvents.ORG, "belongs to topic org.events"));
        Map<String, Forgery> sent = new LinkedHashMap<>();
        Map<String, String> subjects = new LinkedHashMap<>();
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
        try (KafkaProducer<String, byte[]> kafka = ForgedEvents.producer(platform)) {
            for (Forgery f : forgeries) {
                String id = UUID.randomUUID().toString();
                String subject = "FORGED-" + run + "-" + f.name();
                sent.put(id, f);
                subjects.put(id, subject);
                kafka.send(new ProducerRecord<>(f.topic(), null, subject, ForgedEvents.approval(subject, "伪造-" + run),
                        ForgedEvents.headers(f.type(), f.source(), id, subject, now))).get();
                RunSummary.hostileInputTried();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the forged events", e);
        }

        String next = new Cases(gateway).submit(tokens.of("foreign-citizen-" + run, "CITIZEN", Households.TOWNSHIP),
                Households.dibao("720.00"));
        Instant submitted = Instant.now();
        await("the next real application in its timeline").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(trail.timeline(next).body()).contains("minzheng.assistance.application.submitted.v1"));
        System.out.printf("[ForeignEventsTest] %s in its timeline %d ms after it was submitted%n", next,
                Duration.between(submitted, Instant.now()).toMillis());

        Map<String, List<String>> reasons = ForgedEvents.deadLettered(platform, List.of("org.events.dlt", "assistance.events.dlt"),
                sent.keySet(), Duration.ofSeconds(60));
        int stored = 0;
        for (Map.Entry<String, Forgery> e : sent.entrySet()) {
            Forgery f = e.getValue();
            assertThat(reasons.get(e.getKey())).as(f.name() + " dead-lettered with the ownership reason")
                    .anySatisfy(r -> assertThat(r).startsWith(f.topic() + ".dlt: ").contains(e.getKey()).contains(f.reason()));
            int inTrail = trail.ofSubject(subjects.get(e.getKey())).size();
            stored += inTrail;
            Answer timeline = trail.timeline(subjects.get(e.getKey()));
            assertThat(inTrail).as(f.name() + " in the trail").isZero();
            assertThat(timeline.body()).as(f.name() + " in a timeline: " + timeline).doesNotContain(e.getKey()).doesNotContain("伪造-" + run);
        }
        List<?> nextRecords = trail.ofSubject(next).stream().filter(r -> r.path("type").asString().startsWith("minzheng.assistance."))
                .toList();
        RunSummary.records(1 + sent.size(), nextRecords.isEmpty() ? 1 : 0, Math.max(0, nextRecords.size() - 1) + stored);
        assertThat(nextRecords).as("the real application's records").hasSize(1);
    }
}
