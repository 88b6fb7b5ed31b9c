package cn.minzheng.topology.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.topology.compose.ComposeProject;
import cn.minzheng.topology.compose.ComposeService;
import cn.minzheng.topology.hosts.Network;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka as an attacker on the compose network meets it (issue 14): no credentials, a wrong password,
 * each service's own credential used against the other services' topics, a topic made by a produce.
 * Principals and their password files are read from docker-compose.yml (each service's
 * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} and the secret it mounts as {@code kafka_password}).
 */
final class KafkaChecks {

    /** The topic each principal owns (platform/events Topics.java): the only one it may write. */
    private static final Map<String, String> OWN_TOPIC = Map.of(
            "assistance-service", "assistance.events",
            "org-service", "org.events",
            "audit-service", "audit.events",
            "gateway", "gateway.security-events");
    private static final Pattern USERNAME = Pattern.compile("username=\"([^\"]+)\"");
    private static final String ADMIN_SECRET = "kafka_admin_password";

    private final ComposeProject compose;
    private final RunSettings settings;
    private final Report report;
    private final String bootstrap;

    KafkaChecks(ComposeProject compose, Network network, RunSettings settings, Report report) {
        this.compose = compose;
        this.settings = settings;
        this.report = report;
        this.bootstrap = network.host("kafka").address() + ":9092";
    }

    void run() {
        Map<String, String> passwords = principals();
        check("the services' principals are the ones compose gives them " + passwords.keySet(),
                passwords.keySet().equals(OWN_TOPIC.keySet()), passwords::toString);
        noCredentials();
        wrongPassword();
        passwords.forEach(this::writesOnlyItsOwnTopic);
        cannotCreateTopics(passwords.get("assistance-service"));
        auditReadsEveryTopic(passwords.get("audit-service"));
        consumersReadOnlyWhatTheyConsume(passwords.get("gateway"));
        produceCreatesNoTopic();
    }

    /** principal → password, from each Spring service's JAAS setting and its kafka_password secret. */
    private Map<String, String> principals() {
        Map<String, String> passwords = new LinkedHashMap<>();
        for (ComposeService service : compose.services().values()) {
            String jaas = service.environment().get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            if (jaas == null) {
                continue;
            }
            Matcher user = USERNAME.matcher(jaas);
            String secret = service.secretMounts().stream().filter(m -> m.target().equals("/run/secrets/kafka_password"))
                    .map(ComposeService.SecretMount::source).findFirst()
                    .orElseThrow(() -> new IllegalStateException(service.name() + " mounts no secret at /run/secrets/kafka_password"));
            if (!user.find()) {
                throw new IllegalStateException(service.name() + ": no username in SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            }
            passwords.put(user.group(1), secret(secret));
        }
        return passwords;
    }

    // ---- authentication --------------------------------------------------------------------------------

    private void noCredentials() {
        Properties plain = base();
        plain.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        try (Admin admin = Admin.create(plain)) {
            Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            report.fail("a client without credentials is refused", "it listed the topics " + topics);
        } catch (Exception e) {
            report.pass("a client without credentials (PLAINTEXT) is refused: " + reason(e));
        }
    }

    private void wrongPassword() {
        try (Admin admin = Admin.create(scram("assistance-service", "not-the-password"))) {
            Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            report.fail("a wrong password is refused", "it listed the topics " + topics);
        } catch (Exception e) {
            check("assistance-service with a wrong password is refused: " + reason(e), cause(e) instanceof SaslAuthenticationException,
                    () -> "expected an authentication failure, got " + e);
        }
    }

    // ---- authorisation ---------------------------------------------------------------------------------

    private void writesOnlyItsOwnTopic(String principal, String password) {
        Properties props = scram(principal, password);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        String own = OWN_TOPIC.get(principal);
        List<String> written = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int ownPartitions;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            ownPartitions = producer.partitionsFor(own).size();
            for (String topic : OWN_TOPIC.values()) {
                if (topic.equals(own)) {
                    continue;
                }
                try {
                    producer.send(new ProducerRecord<>(topic, "forged".getBytes(), "{}".getBytes())).get(20, TimeUnit.SECONDS);
                    written.add(topic);
                } catch (Exception e) {
                    if (cause(e) instanceof TopicAuthorizationException) {
                        refused.add(topic);
                    } else {
                        written.add(topic + " (not refused by an ACL: " + cause(e) + ")");
                    }
                }
            }
        } catch (RuntimeException e) {
            report.fail(principal + " writes only " + own, "its own credential does not reach its own topic: " + e);
            return;
        }
        check(principal + " (its own credential) sees its topic " + own + " (" + ownPartitions + " partitions) and may not write "
                + String.join(", ", refused) + " (TopicAuthorizationException)", written.isEmpty() && refused.size() == OWN_TOPIC.size() - 1,
                () -> "written: " + written);
    }

    private void cannotCreateTopics(String password) {
        String name = "topology-attacker-" + Run.unique();
        try (Admin admin = Admin.create(scram("assistance-service", password))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
            report.fail("assistance-service cannot create a topic", "it created " + name);
        } catch (Exception e) {
            check("assistance-service cannot create a topic (" + name + "): " + reason(e), cause(e) instanceof AuthorizationException
                    && !topicExists(name), () -> String.valueOf(e));
        }
    }

    private void auditReadsEveryTopic(String password) {
        Map<String, Integer> read = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("audit-service", password)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : OWN_TOPIC.values().stream().sorted().toList()) {
                for (PartitionInfo p : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, p.partition()));
                }
                read.put(topic, 0);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read.get("assistance.events") == 0 && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                records.forEach(r -> read.merge(r.topic(), 1, Integer::sum));
            }
            check("audit-service reads every event topic (records read from the start: " + read + ")",
                    read.get("assistance.events") > 0, () -> "no record of the citizen's application in assistance.events: " + read);
        } catch (RuntimeException e) {
            report.fail("audit-service reads every event topic", String.valueOf(e));
        }
    }

    private void consumersReadOnlyWhatTheyConsume(String password) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("gateway", password)) {
            consumer.assign(List.of(new TopicPartition("assistance.events", 0)));
            consumer.seekToBeginning(consumer.assignment());
            consumer.poll(Duration.ofSeconds(10));
            report.fail("gateway cannot read assistance.events", "its poll was answered");
        } catch (TopicAuthorizationException e) {
            report.pass("gateway (a producer only) cannot read assistance.events: " + reason(e));
        } catch (RuntimeException e) {
            report.fail("gateway cannot read assistance.events", "refused for another reason than an ACL: " + e);
        }
    }

    /** As the super user, so no ACL is in the way: only auto.create.topics.enable=false stops it. */
    private void produceCreatesNoTopic() {
        String name = "topology-no-such-topic-" + Run.unique();
        Properties props = scram("kafka-admin", secret(ADMIN_SECRET));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        String outcome;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(name, "x".getBytes())).get(20, TimeUnit.SECONDS);
            outcome = "the produce was accepted";
        } catch (Exception e) {
            outcome = reason(e);
        }
        String result = outcome;
        check("a produce to a topic that does not exist (" + name + ", as the super user) creates none: " + result,
                !topicExists(name), () -> name + " exists after the produce (" + result + ")");
    }

    // ---- clients ---------------------------------------------------------------------------------------

    private boolean topicExists(String name) {
        try (Admin admin = Admin.create(scram("kafka-admin", secret(ADMIN_SECRET)))) {
            return admin.listTopics().names().get(20, TimeUnit.SECONDS).contains(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the admin cannot list the topics: " + e, e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String principal, String password) {
        Properties props = scram(principal, password);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    private Properties scram(String principal, String password) {
        Properties props = base();
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + principal + "\" password=\"" + password + "\";");
        return props;
    }

    private Properties base() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "topology-attacker");
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        return props;
    }

    private String secret(String name) {
        try {
            return Files.readString(settings.runDir().resolve("secrets").resolve(name)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable cause(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String reason(Throwable e) {
        Throwable c = cause(e);
        String message = c.getMessage() == null ? "" : c.getMessage();
        return c.getClass().getSimpleName() + (message.isEmpty() ? "" : " (" + (message.length() > 120 ? message.substring(0, 120) + "…" : message) + ")");
    }

    private void check(String what, boolean ok, java.util.function.Supplier<String> why) {
        report.check(what, ok, why);
    }
}
