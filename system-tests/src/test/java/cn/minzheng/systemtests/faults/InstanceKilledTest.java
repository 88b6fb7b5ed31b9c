package cn.minzheng.systemtests.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Components;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second assistance-service instance (its own port, its own Eureka instance id) takes traffic;
 * during a stream of submissions — each sent with one {@code Idempotency-Key} and retried by the
 * client on any 5xx, time-out, refused connection or in-flight answer — it is killed with SIGKILL
 * once some submissions are answered, and stays dead. Every application exists exactly once, every
 * retry answers the same number, and the trail holds one submission event per case.
 *
 * <p>The dead instance stays listed in Eureka and in the gateway's load-balancer cache for a while;
 * the gateway retries a request whose connection was never established on another instance (for
 * every method: it was never sent), so the stream goes on. Only a submission that was in flight on
 * the instance when it died is answered with an error, and the client's retry with the same key
 * settles it once the in-flight lease of that key expires.
 */
@Tag("fault")
@Order(40)
class InstanceKilledTest {

    static final int WORKERS = 3;
    static final int BEFORE_KILL = 8;
    static final int AFTER_KILL = 12;
    static final int MAX_CITIZENS = 200;
    /**
     * Longer than the in-flight lease of an idempotency key (60 s) a killed instance leaves behind,
     * on a busy 2-core machine.
     */
    static final Duration CLIENT_PATIENCE = Duration.ofSeconds(240);
    static final Pattern SUBMISSIONS_SERVED = Pattern.compile(
            "http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/api/v1/assistance/applications\"[^}]*} (\\d+)");

    @Test
    void everyApplicationExistsOnceWhenOneOfTwoInstancesIsKilledMidStream() throws Exception {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        Trail trail = new Trail(gateway, tokens.of("kill-auditor", "AUDITOR", Households.COUNTY));
        Gateway registry = new Gateway(platform.registryUrl());
        String run = UUID.randomUUID().toString().substring(0, 8);
        int port = freePort();
        String instanceId = "assistance-service:system-tests-second-" + port;
        Gateway second = new Gateway("http://127.0.0.1:" + port);

        Process instance = platform.components().startAnotherInstance(Components.Component.ASSISTANCE, port, instanceId);
        List<String> citizens = new CopyOnWriteArrayList<>();
        List<String> numbers = new CopyOnWriteArrayList<>();
        AtomicInteger retries = new AtomicInteger();
        int servedBeforeKill;
        int answeredAfterKill;
        Instant killedAt;
        Instant streamDone;
        try {
            await("the second instance UP in Eureka").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(upInstances(registry)).contains(instanceId));
            // the gateway's registry copy and load-balancer cache take a while to include it
            String clerk = tokens.of("kill-clerk", "CLERK", Households.TOWNSHIP);
            await("the gateway routes to the second instance").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> {
                        assertThat(gateway.get("/api/v1/assistance/standards").token(clerk).send().status()).isEqualTo(200);
                        assertThat(second.get("/actuator/prometheus").send().body())
                                .contains("uri=\"/api/v1/assistance/standards\"");
                    });

            // the stream: three clients submit for one new citizen after another until the instance is
            // back and a few more were answered — so submissions are in flight when the kill comes
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            try {
                for (int w = 0; w < WORKERS; w++) {
                    workers.add(pool.submit(() -> {
                        while (!stop.get() && next.get() < MAX_CITIZENS) {
                            int i = next.getAndIncrement();
                            String citizen = tokens.of("kill-citizen-" + run + "-" + i, "CITIZEN", Households.TOWNSHIP);
                            citizens.add(citizen);
                            numbers.add(submitWithRetries(cases, citizen, Households.dibao("720.00"), retries));
                            done.incrementAndGet();
                        }
                        return null;
                    }));
                }
                await("answers before the kill").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                        .until(() -> done.get() >= BEFORE_KILL);
                servedBeforeKill = served(second);
                instance.destroyForcibly(); // SIGKILL: no shutdown hook, requests in flight are cut, no deregistration
                instance.waitFor(30, TimeUnit.SECONDS);
                killedAt = Instant.now();
                int atKill = done.get();
                await("answers after the kill, the dead instance still listed").atMost(CLIENT_PATIENCE)
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> done.get() >= atKill + AFTER_KILL || next.get() >= MAX_CITIZENS);
                answeredAfterKill = done.get() - atKill;
                stop.set(true);
                for (Future<?> worker : workers) {
                    worker.get(CLIENT_PATIENCE.toSeconds() + 30, TimeUnit.SECONDS);
                }
                streamDone = Instant.now();
            } finally {
                pool.shutdownNow();
            }
        } finally {
            if (instance.isAlive()) { // the test failed before the kill: a graceful stop deregisters
                instance.destroy();
                if (!instance.waitFor(30, TimeUnit.SECONDS)) {
                    instance.destroyForcibly();
                }
            }
            // the killed instance never deregistered: take its entry out, as an operator would
            registry.call("DELETE", "/eureka/apps/ASSISTANCE-SERVICE/" + instanceId).send();
        }
        assertThat(servedBeforeKill).as("submissions the second instance answered before it was killed").isPositive();

        int lost = 0;
        int duplicated = 0;
        for (String citizen : citizens) {
            int mine = cases.countMine(citizen);
            lost += mine == 0 ? 1 : 0;
            duplicated += Math.max(0, mine - 1);
        }
        RunSummary.records(citizens.size(), lost, duplicated);
        System.out.printf("[system-tests] instance killed: %d submissions, %d answered by the killed instance before, %d answered"
                + " after the kill, %d client retries, stream done %d s after the kill%n", citizens.size(), servedBeforeKill,
                answeredAfterKill, retries.get(), Duration.between(killedAt, streamDone).toSeconds());
        assertThat(answeredAfterKill).as("the stream went on with the dead instance still listed").isGreaterThanOrEqualTo(AFTER_KILL);
        assertThat(lost).as("applications without a case").isZero();
        assertThat(duplicated).as("applications that exist twice").isZero();
        assertThat(numbers).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (String number : numbers) {
                assertThat(trail.ofSubject(number)).as("trail of " + number)
                        .filteredOn(r -> r.path("type").asString().endsWith("application.submitted.v1")).hasSize(1);
            }
        });
        trail.assertEveryChainVerifies();
    }

    /** A well-behaved client: the same key and body again after a 5xx, a time-out or an in-flight answer. */
    static String submitWithRetries(Cases cases, String citizen, Map<String, Object> body, AtomicInteger retries) {
        String key = UUID.randomUUID().toString();
        Instant giveUp = Instant.now().plus(CLIENT_PATIENCE);
        Answer answer = cases.submit(citizen, body, key);
        while (answer.status() != 200 && answer.status() != 201) {
            // a 409 is retried only while the key's first request is in flight; any other conflict
            // (e.g. asked once only) is an answer, and wrong here
            boolean inFlight = answer.status() == 409 && answer.isProblem()
                    && "idempotency-in-flight".equals(answer.text("code"));
            boolean retryable = answer.status() == 0 || answer.status() >= 500 || inFlight
                    || answer.status() == 425 || answer.status() == 429;
            assertThat(retryable).as("a submission answered " + answer).isTrue();
            assertThat(Instant.now()).as("still failing after " + CLIENT_PATIENCE + ": " + answer).isBefore(giveUp);
            retries.incrementAndGet();
            pause(Duration.ofMillis(answer.status() == 409 ? 2000 : 500));
            answer = cases.submit(citizen, body, key);
        }
        return answer.text("number");
    }

    static List<String> upInstances(Gateway registry) {
        Answer app = registry.get("/eureka/apps/ASSISTANCE-SERVICE").header("Accept", "application/json").send();
        List<String> up = new ArrayList<>();
        if (app.status() == 200) {
            JsonNode instances = app.json().path("application").path("instance");
            for (JsonNode i : instances.isArray() ? instances : List.of(instances)) {
                if ("UP".equals(i.path("status").asString())) {
                    up.add(i.path("instanceId").asString());
                }
            }
        }
        return up;
    }

    static int served(Gateway instance) {
        Matcher m = SUBMISSIONS_SERVED.matcher(instance.get("/actuator/prometheus").send().body());
        int total = 0;
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
