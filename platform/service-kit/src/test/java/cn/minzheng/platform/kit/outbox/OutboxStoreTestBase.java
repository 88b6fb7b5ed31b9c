package cn.minzheng.platform.kit.outbox;

import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.kit.testapp.TestInfra;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * The outbox tests' fixture against the real embedded Kafka broker and Mongo-wire server: a client
 * and a Kafka publisher per test class, a fresh aggregate collection and a fresh two-partition topic
 * per test, and the aggregate documents and events the tests write.
 */
abstract class OutboxStoreTestBase {

    protected static MongoClient client;
    protected static ReactiveMongoTemplate mongo;
    protected static KafkaEventPublisher kafka;

    protected String collection;
    protected String topic;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfra.infra().mongoUri());
        mongo = new ReactiveMongoTemplate(client, "kit_outbox");
        kafka = new KafkaEventPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.infra().bootstrapServers()),
                Duration.ofSeconds(3));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        client.close();
    }

    @BeforeEach
    void freshCollectionAndTopic() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        collection = "cases_" + suffix;
        topic = "kit.outbox." + suffix;
        TestInfra.infra().kafka().createTopics(topic, 2);
    }

    protected static EventEnvelope event(String aggregateId, long version) {
        return EventEnvelope.builder(EventTypes.APPLICATION_SUBMITTED)
                .subject(aggregateId).actor("citizen-1", "CITIZEN").regionCode("110105").aggregateVersion(version)
                .data(EventData.of(aggregateId, "application").transition(null, "SUBMITTED").change("amountFen", 120000L))
                .build();
    }

    /** An aggregate document (version 1) with these pending events, as a service's first write. */
    protected void insert(String id, List<EventEnvelope> events) {
        PendingEvents.insert(mongo, collection, new Document("_id", id).append("version", 1L), events).block();
    }

    /** A later write of the aggregate that adds one pending event. */
    protected Mono<Void> push(String id, EventEnvelope event) {
        return mongo.getCollection(collection)
                .flatMap(c -> Mono.from(c.updateOne(new Document("_id", id), PendingEvents.pushUpdate(List.of(event)))))
                .then();
    }

    protected Document find(String id) {
        return mongo.findById(id, Document.class, collection).block();
    }
}
