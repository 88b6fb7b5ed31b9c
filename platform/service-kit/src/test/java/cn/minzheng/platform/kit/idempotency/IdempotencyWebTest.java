package cn.minzheng.platform.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.minzheng.platform.kit.testapp.CaseController;
import cn.minzheng.platform.kit.testapp.TestInfra;
import cn.minzheng.platform.kit.testapp.WebAppTestBase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Idempotency-Key against the embedded Mongo-wire server, through the real HTTP stack. */
class IdempotencyWebTest extends WebAppTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    private String citizen;

    @BeforeEach
    void token() {
        citizen = TestInfra.issuer().mint("citizen-" + UUID.randomUUID(), "张三", List.of("CITIZEN"), "110105");
    }

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        int before = CaseController.CREATIONS.get();
        var first = create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":50000}");
        var second = create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":50000}");

        assertThat(first.getStatus().value()).isEqualTo(201);
        assertThat(second.getStatus().value()).isEqualTo(201);
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(second.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(second.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(second.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(CaseController.CREATIONS.get() - before).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":50000}");
        var reused = create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":99999}");
        assertThat(reused.getStatus().value()).isEqualTo(422);
        assertThat(reused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reused.getResponseBody()).contains("\"code\":\"idempotency-key-reused\"");
    }

    @Test
    void sameKeyOfAnotherCallerIsIndependent() {
        String key = UUID.randomUUID().toString();
        String other = TestInfra.issuer().mint("citizen-" + UUID.randomUUID(), "李四", List.of("CITIZEN"), "110105");
        var mine = create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":1}");
        var theirs = create(other, key, "{\"applicant\":\"李四\",\"amountFen\":2}");
        assertThat(theirs.getStatus().value()).isEqualTo(201);
        assertThat(theirs.getResponseHeaders().getLocation()).isNotEqualTo(mine.getResponseHeaders().getLocation());
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() {
        String key = UUID.randomUUID().toString();
        int before = CaseController.CREATIONS.get();
        String body = "{\"applicant\":\"张三\",\"amountFen\":700,\"delayMillis\":400}";
        List<Integer> statuses = Flux.fromStream(IntStream.range(0, 4).boxed())
                .flatMap(i -> Mono.fromCallable(() -> create(citizen, key, body).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 4)
                .collectList().block();

        assertThat(CaseController.CREATIONS.get() - before).isEqualTo(1);
        assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
        var after = create(citizen, key, body);
        assertThat(after.getStatus().value()).isEqualTo(201);
        assertThat(CaseController.CREATIONS.get() - before).isEqualTo(1);
    }

    @Test
    void expiredKeyRunsAgain() {
        String key = UUID.randomUUID().toString();
        int before = CaseController.CREATIONS.get();
        String body = "{\"applicant\":\"张三\",\"amountFen\":3}";
        var first = create(citizen, key, body);
        mongo.getCollection(IdempotencyKeys.COLLECTION)
                .flatMap(c -> Mono.from(c.updateMany(new Document("key", key),
                        new Document("$set", new Document("expiresAt", Date.from(Instant.now().minusSeconds(1)))))))
                .block();
        var again = create(citizen, key, body);
        assertThat(again.getStatus().value()).isEqualTo(201);
        assertThat(again.getResponseHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(again.getResponseHeaders().getLocation()).isNotEqualTo(first.getResponseHeaders().getLocation());
        assertThat(CaseController.CREATIONS.get() - before).isEqualTo(2);
    }

    @Test
    void failedFirstRequestLeavesNoRecord() {
        String key = UUID.randomUUID().toString();
        var failed = client().post().uri("/api/cases").headers(h -> h.setBearerAuth(citizen))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue("{oops")
                .exchange().expectStatus().isBadRequest().expectBody(String.class).returnResult();
        assertThat(failed.getResponseBody()).contains("malformed-request");
        var fixed = create(citizen, key, "{\"applicant\":\"张三\",\"amountFen\":4}");
        assertThat(fixed.getStatus().value()).isEqualTo(201);
    }

    @Test
    void invalidKeyIs400() {
        var result = create(citizen, "no spaces allowed", "{\"applicant\":\"张三\",\"amountFen\":5}");
        assertThat(result.getStatus().value()).isEqualTo(400);
        assertThat(result.getResponseBody()).contains("invalid-idempotency-key");
    }

    @Test
    void expiredKeysAreCleanedUpByCode() {
        var keys = new IdempotencyKeys(mongo, new IdempotencyProperties(null, null, null, null, null),
                java.time.Clock.systemUTC());
        mongo.getCollection(IdempotencyKeys.COLLECTION)
                .flatMap(c -> Mono.from(c.insertOne(new Document("key", "old-" + UUID.randomUUID()).append("subject", "s")
                        .append("requestHash", "h").append("state", "DONE")
                        .append("expiresAt", Date.from(Instant.now().minusSeconds(60))))))
                .block();
        assertThat(keys.deleteExpired().block()).isGreaterThanOrEqualTo(1);
        assertThat(mongo.getCollection(IdempotencyKeys.COLLECTION)
                .flatMap(c -> Mono.from(c.countDocuments(new Document("expiresAt",
                        new Document("$lt", Date.from(Instant.now())))))).block()).isZero();
    }

    @Test
    void recordsOfAnotherShapeInTheCollectionDoNotCollideWithTheKitsIndex() {
        var foreign = Flux.range(0, 2).concatMap(i -> mongo.getCollection(IdempotencyKeys.COLLECTION)
                .flatMap(c -> Mono.from(c.insertOne(new Document("_id", "subject|legacy-" + UUID.randomUUID())
                        .append("hash", "h" + i))))).collectList().block();
        assertThat(foreign).hasSize(2);
        assertThat(create(citizen, UUID.randomUUID().toString(), "{\"applicant\":\"张三\",\"amountFen\":6}")
                .getStatus().value()).isEqualTo(201);
    }

    private EntityExchangeResult<String> create(String token, String key, String json) {
        return client().post().uri("/api/cases").headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange().expectBody(String.class).returnResult();
    }
}
