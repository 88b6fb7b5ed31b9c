package cn.minzheng.assistance.providers;

import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.Topics;
import cn.minzheng.platform.kit.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * Feeds the provider read model from {@code org.events} (kit consumer defaults: commit after
 * processing, dead-letter topic, dedupe by event id). Types this service does not care about are
 * skipped. Losing good standing flags the assignments.
 */
@Component
public class OrgEventsListener {
    static final String CONSUMER = "assistance-provider-read-model";
    private static final Logger log = LoggerFactory.getLogger(OrgEventsListener.class);
    private static final String PREFIX = "minzheng.org.organization.";
    private final ProviderStore store;
    private final ProcessedEvents processed;
    private final ProviderAssignments assignments;

    public OrgEventsListener(ProviderStore store, ProcessedEvents processed, ProviderAssignments assignments) {
        this.store = store;
        this.processed = processed;
        this.assignments = assignments;
    }

    // a Kafka listener thread, not a request path: blocking on the store is deliberate
    @KafkaListener(topics = Topics.ORG_EVENTS, groupId = CONSUMER)
    public void on(EventEnvelope event) {
        if (!event.type().startsWith(PREFIX)) {
            return;
        }
        Update update = update(event);
        if (update == null) {
            return;
        }
        Boolean first = processed.markIfFirst(CONSUMER, event.id()).block(Duration.ofSeconds(30));
        if (!Boolean.TRUE.equals(first)) {
            return;
        }
        try {
            Provider p = store.apply(event.key(), update).block(Duration.ofSeconds(30));
            if (p != null && lostStanding(event.type())) {
                long flagged = assignments.flagAll(p.id(), reason(event)).block(Duration.ofSeconds(60));
                log.info("provider {} lost good standing ({}): {} assignment(s) flagged", p.id(), event.type(), flagged);
            }
        } catch (RuntimeException e) {
            processed.unmark(CONSUMER, event.id()).onErrorResume(x -> Mono.empty()).block(Duration.ofSeconds(10));
            throw e;
        }
    }

    static boolean lostStanding(String type) {
        return type.endsWith(".serious-listed.v1") || type.endsWith(".deregistered.v1") || type.endsWith(".revoked.v1");
    }

    private static String reason(EventEnvelope e) {
        JsonNode r = e.data().get("reason");
        String what = e.type().substring(PREFIX.length()).replace(".v1", "");
        return switch (what) {
            case "serious-listed" -> "列入严重违法失信名单";
            case "deregistered" -> "已注销登记";
            default -> "已撤销登记";
        } + (r == null || r.isNull() ? "" : ": " + r.asString());
    }

    /** The read-model change an event makes, or null for types that do not matter here. */
    static Update update(EventEnvelope e) {
        JsonNode data = e.data();
        String what = e.type().substring(PREFIX.length());
        Update u = new Update().set("regionCode", e.regionCode()).set("lastEventAt", e.time().toString());
        switch (what) {
            case "registration-applied.v1" -> {
                u.set("name", text(data, "name"));
                u.set("orgType", text(data, "orgType"));
            }
            case "registration-approved.v1" -> u.set("registered", true).set("creditCode", text(data, "creditCode"));
            case "abnormal-listed.v1" -> u.set("abnormal", true);
            case "abnormal-removed.v1" -> u.set("abnormal", false);
            case "serious-listed.v1" -> u.set("serious", true);
            case "serious-removed.v1" -> u.set("serious", false);
            case "deregistered.v1", "revoked.v1" -> u.set("ended", true);
            default -> {
                return null;
            }
        }
        return u;
    }

    private static String text(JsonNode data, String field) {
        JsonNode n = data.get(field);
        return n == null || n.isNull() ? null : n.asString();
    }
}
