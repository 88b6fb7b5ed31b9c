package cn.minzheng.systemtests.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14 item 3, as a holder of the audit database's credential (and nothing else): an 审批通过 appended
 * at the head of a case's chain, correctly linked — its prevHash the head's hash, its own hash
 * SHA-256(prevHash ‖ RFC 8785 JSON of the record) as the published algorithm makes it, the chain's
 * head moved to it. Without a key outside the database that verified. Now verify names it: with the
 * MAC copied from the record before it {@code MAC_INVALID}, with none {@code MAC_MISSING}. The forgery
 * is removed afterwards and the chain verifies again.
 */
@Tag("hostile")
@Order(29)
class ForgedRecordTest {

    @Test
    void aCorrectlyLinkedRecordAppendedInTheStoreIsNamedByVerify() throws Exception {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Trail trail = new Trail(gateway, tokens.of("forged-record-auditor", "AUDITOR", Households.COUNTY));
        String number = new Cases(gateway).submit(tokens.of("forged-record-citizen-" + UUID.randomUUID().toString().substring(0, 8),
                "CITIZEN", Households.TOWNSHIP), Households.dibao("660.00"));
        String[] chain = new String[1];
        await("the case in the trail").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var records = trail.ofSubject(number);
            assertThat(records).isNotEmpty();
            chain[0] = records.get(0).path("chain").asString();
        });

        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> records = mongo.getDatabase("audit").getCollection("audit_records");
            MongoCollection<Document> heads = mongo.getDatabase("audit").getCollection("chain_heads");
            Document head = records.find(Filters.eq("chain", chain[0])).sort(Sorts.descending("sequence")).first();
            assertThat(head).isNotNull();
            assertThat(head.getString("mac")).as("the head record carries a MAC").isNotBlank();
            long sequence = ((Number) head.get("sequence")).longValue() + 1;
            Document headDocument = heads.find(Filters.eq("_id", chain[0])).first();
            assertThat(headDocument).isNotNull();
            assertThat(trail.verify(chain[0]).json().path("ok").asBoolean()).as("intact before").isTrue();

            Document forged = forge(head, sequence, number);
            records.insertOne(forged);
            heads.updateOne(Filters.eq("_id", chain[0]),
                    Updates.combine(Updates.set("sequence", sequence), Updates.set("hash", forged.getString("hash"))));
            RunSummary.hostileInputTried();
            try {
                Answer copiedMac = trail.verify(chain[0]);
                assertNamed(copiedMac, sequence, "MAC_INVALID");
                records.updateOne(Filters.eq("_id", forged.get("_id")), Updates.combine(Updates.unset("mac"), Updates.unset("macKeyId")));
                RunSummary.hostileInputTried();
                Answer noMac = trail.verify(chain[0]);
                assertNamed(noMac, sequence, "MAC_MISSING");
            } finally {
                records.deleteOne(Filters.eq("_id", forged.get("_id")));
                heads.updateOne(Filters.eq("_id", chain[0]), Updates.combine(
                        Updates.set("sequence", headDocument.get("sequence")), Updates.set("hash", headDocument.get("hash"))));
            }
        }
        Answer restored = trail.verify(chain[0]);
        assertThat(restored.json().path("ok").asBoolean()).as("intact again once removed: " + restored).isTrue();
        RunSummary.records(1, 0, 0);
    }

    private static void assertNamed(Answer verdict, long sequence, String kind) {
        assertThat(verdict.status()).as(verdict.toString()).isEqualTo(200);
        assertThat(verdict.json().path("ok").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.json().path("failure").path("sequence").asLong()).as("the forged record is named: " + verdict)
                .isEqualTo(sequence);
        assertThat(verdict.json().path("failure").path("kind").asString()).as(verdict.toString()).isEqualTo(kind);
    }

    /** The head record's successor as a forger makes it: linked and hashed right, the head's MAC copied. */
    private static Document forge(Document head, long sequence, String subject) throws Exception {
        String now = Instant.now().toString();
        String data = "{\"aggregateId\":" + json(subject) + ",\"aggregateType\":\"application\",\"fromStatus\":\"REVIEWED\","
                + "\"reason\":\"审批通过\",\"toStatus\":\"APPROVED\"}";
        Map<String, Object> hashed = new TreeMap<>();
        hashed.put("chain", head.getString("chain"));
        hashed.put("sequence", sequence);
        hashed.put("prevHash", head.getString("hash"));
        hashed.put("eventId", UUID.randomUUID().toString());
        hashed.put("topic", head.getString("topic"));
        hashed.put("partition", ((Number) head.get("partition")).longValue());
        hashed.put("offset", ((Number) head.get("offset")).longValue() + 1);
        hashed.put("type", "minzheng.assistance.application.approved.v1");
        hashed.put("subject", subject);
        hashed.put("actorId", "approver-421303");
        hashed.put("actorRole", "APPROVER");
        hashed.put("regionCode", head.getString("regionCode"));
        hashed.put("time", now);
        hashed.put("traceId", head.getString("traceId"));
        hashed.put("receivedAt", now);
        StringBuilder canonical = new StringBuilder("{");
        for (Map.Entry<String, Object> e : hashed.entrySet()) {
            canonical.append(canonical.length() > 1 ? "," : "").append(json(e.getKey())).append(':');
            Object v = e.getValue();
            canonical.append(v == null ? "null" : v instanceof Number ? v.toString() : json((String) v));
        }
        // "data" sorts between "chain" and "eventId": insert it there
        String text = canonical.append('}').toString();
        int at = text.indexOf(",\"eventId\":");
        text = text.substring(0, at) + ",\"data\":" + data + text.substring(at);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(head.getString("hash").getBytes(StandardCharsets.UTF_8));
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(sha.digest());

        Document forged = new Document(head);
        forged.put("_id", head.getString("chain") + "#" + sequence);
        hashed.forEach(forged::put);
        forged.put("data", data);
        forged.put("hash", hash);
        forged.put("timeMs", Instant.parse(now).toEpochMilli());
        forged.put("fromStatus", "REVIEWED");
        forged.put("toStatus", "APPROVED");
        forged.put("reason", "审批通过");
        return forged;
    }

    /** A JSON string as RFC 8785 writes it (these values hold no control characters). */
    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
