package cn.minzheng.systemtests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cn.minzheng.systemtests.fixtures.Cases;
import cn.minzheng.systemtests.fixtures.Households;
import cn.minzheng.systemtests.fixtures.Trail;
import cn.minzheng.systemtests.gateway.Answer;
import cn.minzheng.systemtests.gateway.Gateway;
import cn.minzheng.systemtests.gateway.Tokens;
import cn.minzheng.systemtests.platform.Platform;
import cn.minzheng.systemtests.report.RunSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Client retries: each citizen's app sends its submission three times with one Idempotency-Key
 * (twice at the same moment, once after) — every application exists exactly once, every retry
 * answers the first case, and the trail holds one submission event per case.
 */
@Tag("fault")
@Order(12)
class IdempotentSubmissionTest {

    static final int CITIZENS = 6;

    @Test
    void retriedSubmissionsWithOneKeyCreateExactlyOneCaseEach() throws Exception {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        Cases cases = new Cases(gateway);
        Trail trail = new Trail(gateway, tokens.of("retry-auditor", "AUDITOR", Households.COUNTY));
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<String> citizens = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < CITIZENS; i++) {
                String citizen = tokens.of("retry-citizen-" + run + "-" + i, "CITIZEN", Households.TOWNSHIP);
                citizens.add(citizen);
                Map<String, Object> body = Households.dibao("750.00");
                String key = UUID.randomUUID().toString();
                CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> cases.submit(citizen, body, key), pool);
                CompletableFuture<Answer> second = CompletableFuture.supplyAsync(() -> cases.submit(citizen, body, key), pool);
                List<Answer> answers = new ArrayList<>(List.of(first.get(), second.get()));
                answers.add(cases.submit(citizen, body, key));
                List<String> returned = new ArrayList<>();
                for (Answer a : answers) {
                    // a retry racing the first request may be told to retry later (409/425), never get a second case
                    if (a.status() == 200 || a.status() == 201) {
                        returned.add(a.text("number"));
                    } else {
                        assertThat(a.status()).as(a.toString()).isIn(409, 425, 429);
                        assertThat(a.isProblem()).as(a.toString()).isTrue();
                    }
                }
                assertThat(returned).as("numbers answered to one key").isNotEmpty().containsOnly(returned.get(0));
                numbers.add(returned.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        int duplicated = 0;
        int lost = 0;
        for (String citizen : citizens) {
            int mine = cases.countMine(citizen);
            duplicated += Math.max(0, mine - 1);
            lost += mine == 0 ? 1 : 0;
        }
        RunSummary.records(CITIZENS, lost, duplicated);
        assertThat(duplicated).as("cases created twice").isZero();
        assertThat(lost).as("submissions without a case").isZero();
        assertThat(numbers).doesNotHaveDuplicates();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String number : numbers) {
                assertThat(trail.ofSubject(number)).as("trail of " + number)
                        .filteredOn(r -> r.path("type").asString().endsWith("application.submitted.v1")).hasSize(1);
            }
        });
    }
}
