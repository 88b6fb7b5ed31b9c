package cn.minzheng.systemtests.faults;

import java.time.Duration;
import java.util.Map;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Someone with access to the store rewrites one audit record (the reason of a refusal): the
 * verification names exactly that record. The original is put back afterwards and the chain
 * verifies again, so a devstack the tests attached to is left as it was.
 */
@Tag("fault")
@Order(30)
class TamperedRecordTest {

    @Test
    void verifyNamesTheRecordChangedInTheStore() {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        Trail trail = new Trail(gateway, tokens.of("tamper-auditor", "AUDITOR", Households.COUNTY));
        String number = cases.submit(tokens.of("tamper-citizen-" + System.nanoTime(), "CITIZEN", Households.TOWNSHIP),
                Households.dibao("2600.00"));
        cases.command(number, "non-acceptance", tokens.of("tamper-clerk", "CLERK", Households.TOWNSHIP),
                Map.of("reason", "收入超过标准"));
        JsonNode[] refusal = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            refusal[0] = trail.ofSubject(number).stream()
                    .filter(r -> "NOT_ACCEPTED".equals(r.path("toStatus").asString())).findFirst().orElse(null);
            assertThat(refusal[0]).as("the refusal in the trail").isNotNull();
        });
        String chain = refusal[0].path("chain").asString();
        long sequence = refusal[0].path("sequence").asLong();
        assertThat(trail.verify(chain).json().path("ok").asBoolean()).as("intact before").isTrue();

        try (MongoClient mongo = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> records = mongo.getDatabase("audit").getCollection("audit_records");
            Document stored = records.find(Filters.and(Filters.eq("chain", chain), Filters.eq("sequence", sequence))).first();
            assertThat(stored).as("record " + chain + "#" + sequence + " in the store").isNotNull();
            String original = stored.getString("data");
            assertThat(original).contains("收入超过标准");
            String forged = original.replace("收入超过标准", "申请人自愿放弃");
            records.updateOne(Filters.eq("_id", stored.get("_id")), Updates.set("data", forged));
            try {
                Answer verdict = trail.verify(chain);
                assertThat(verdict.status()).as(verdict.toString()).isEqualTo(200);
                assertThat(verdict.json().path("ok").asBoolean()).as(verdict.toString()).isFalse();
                assertThat(verdict.json().path("failure").path("sequence").asLong())
                        .as("the changed record is named: " + verdict).isEqualTo(sequence);
            } finally {
                records.updateOne(Filters.eq("_id", stored.get("_id")), Updates.set("data", original));
            }
        }
        assertThat(trail.verify(chain).json().path("ok").asBoolean()).as("intact again once restored").isTrue();
    }
}
