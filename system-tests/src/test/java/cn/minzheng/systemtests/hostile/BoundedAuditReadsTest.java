package cn.minzheng.systemtests.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * Issue 14 item 8, bounded audit reads, tried by an auditor who would exhaust the store: a verify
 * over more records than an AUDITOR may walk at once (GET and POST, open ends included), statistics
 * without a range, with half a range or with one longer than a year — each a 400 problem naming the
 * field, refused before a record is read. Bursts of the heaviest reads allowed (verifications of the
 * whole span, XLSX exports, a year of statistics) sent at once: each answered in full or 429
 * {@code audit-read-busy} with {@code Retry-After} at once, never an error, and some are 429. Afterwards
 * the permits are free again, and the business chains are where they were and verify.
 *
 * <p>The system tests' devstack lowers the verify span to 100 records ({@code SystemTestDevStack}), so
 * a refused range needs a chain of 101 records, not 100,001. A verification whose body is held back
 * cannot hold a permit: the gateway reads a body whole before it forwards it (its retry caches it).
 */
@Tag("hostile")
@Order(25)
class BoundedAuditReadsTest {

    static final String AUDIT = "/api/v1/audit";
    /** Reads sent at once, more than the limits (verify 2, export 2, statistics 4 per instance). */
    static final int BURST = 16;
    /** Bursts at most, until one is answered 429 (a fast machine may finish a read before the next arrives). */
    static final int ROUNDS = 5;

    @Test
    void unboundedReadsAreRefusedAndTheExcessOfConcurrentReadsIs429() throws Exception {
        Platform platform = Platform.get();
        Gateway gateway = Gateway.of(platform);
        Tokens tokens = new Tokens(platform);
        String auditor = tokens.of("bounded-auditor", "AUDITOR", Households.COUNTY);
        Trail trail = new Trail(gateway, auditor);
        long span = platform.auditVerifyMaxSpan();
        Map<String, Long> headsBefore = businessHeads(gateway, auditor);
        String chain = chainLongerThan(span, platform, gateway, tokens, auditor);

        // unbounded verifications: the whole of a chain longer than the span, or any range past it
        String verification = AUDIT + "/chains/" + Trail.encode(chain) + "/verification";
        List<Answer> tooLarge = List.of(
                gateway.get(verification).token(auditor).send(),
                gateway.get(verification + "?from=1&to=" + (span + 1)).token(auditor).send(),
                gateway.get(verification + "?from=1&to=" + Long.MAX_VALUE).token(auditor).send(),
                gateway.get(verification + "?to=" + (span + 1)).token(auditor).send(),
                gateway.post(AUDIT + "/verifications").token(auditor)
                        .json(Map.of("chain", chain, "fromSequence", 1, "toSequence", span + 1)).send(),
                gateway.post(AUDIT + "/verifications").token(auditor).json(Map.of("chain", chain)).send());
        for (Answer a : tooLarge) {
            RunSummary.hostileInputTried();
            assertRefused(a, "verify-range-too-large");
            assertThat(a.json().path("maxSpan").asLong()).as(a.toString()).isEqualTo(span);
        }
        Answer oneSlice = gateway.get(verification + "?from=1&to=" + span).token(auditor).send();
        assertThat(oneSlice.status()).as("a verification of " + span + " records: " + oneSlice).isEqualTo(200);
        assertThat(oneSlice.json().path("count").asLong()).isEqualTo(span);
        // unbounded statistics
        String statistics = AUDIT + "/statistics?by=";
        List<Answer> noRange = List.of(
                gateway.get(statistics + "day").token(auditor).send(),
                gateway.get(statistics + "type&from=" + Trail.encode("2026-01-01T00:00:00+08:00")).token(auditor).send(),
                gateway.get(statistics + "region&to=" + Trail.encode("2026-01-01T00:00:00+08:00")).token(auditor).send());
        for (Answer a : noRange) {
            RunSummary.hostileInputTried();
            assertRefused(a, "statistics-range-required");
        }
        List<Answer> longRange = List.of(
                gateway.get(statistics + "day&from=" + Trail.encode("2020-01-01T00:00:00+08:00") + "&to="
                        + Trail.encode("2026-01-01T00:00:00+08:00")).token(auditor).send(),
                gateway.get(statistics + "service&from=" + Trail.encode("1970-01-01T00:00:00Z") + "&to="
                        + Trail.encode("9999-12-31T00:00:00Z")).token(auditor).send(),
                gateway.get(statistics + "type&from=" + Trail.encode("2025-01-01T00:00:00+08:00") + "&to="
                        + Trail.encode("2026-01-03T00:00:00+08:00")).token(auditor).send());
        for (Answer a : longRange) {
            RunSummary.hostileInputTried();
            assertRefused(a, "statistics-range-too-large");
        }
        Answer aYear = gateway.get(statistics + "type&from=" + Trail.encode("2025-01-01T00:00:00+08:00") + "&to="
                + Trail.encode("2026-01-01T00:00:00+08:00")).token(auditor).send();
        assertThat(aYear.status()).as("a year of statistics: " + aYear).isEqualTo(200);

        // bursts of the heaviest reads an auditor may ask for, all at once: the excess of each kind is 429 at once
        // (another auditor: the gateway's own per-client rate limit must not answer these)
        String burstingAuditor = tokens.of("bounded-bursting-auditor", "AUDITOR", Households.COUNTY);
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        Map<String, List<Integer>> statuses = new LinkedHashMap<>();
        int busy = 0;
        try {
            for (int round = 0; round < ROUNDS && busy == 0; round++) {
                List<CompletableFuture<Answer>> burst = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    String read = switch (i % 4) {
                        case 0, 1 -> verification + "?from=1&to=" + span;
                        case 2 -> AUDIT + "/exports/records.xlsx?from=" + Trail.encode("2026-01-01T00:00:00+08:00");
                        default -> AUDIT + "/statistics?by=type&from=" + Trail.encode("2025-12-01T00:00:00+08:00") + "&to="
                                + Trail.encode("2026-12-01T00:00:00+08:00");
                    };
                    burst.add(CompletableFuture.supplyAsync(() -> gateway.get(read).token(burstingAuditor).once(), pool));
                }
                for (CompletableFuture<Answer> f : burst) {
                    Answer a = f.get();
                    RunSummary.hostileInputTried();
                    String kind = a.path().contains("/verification") ? "verify" : a.path().contains("/exports/") ? "export" : "statistics";
                    statuses.computeIfAbsent(kind, k -> new ArrayList<>()).add(a.status());
                    if (a.status() == 429) {
                        assertBusy(a);
                        busy++;
                    } else {
                        assertThat(a.status()).as(a.toString()).isEqualTo(200);
                        if (kind.equals("verify")) {
                            assertThat(a.json().path("ok").asBoolean()).as(a.toString()).isTrue();
                            assertThat(a.json().path("count").asLong()).as(a.toString()).isEqualTo(span);
                        }
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("[BoundedAuditReadsTest] bursts of " + BURST + " heavy reads → " + statuses);
        assertThat(busy).as("reads beyond the limits answered 429 audit-read-busy: " + statuses).isPositive();

        // the permits are free again and nothing changed
        Answer after = gateway.get(verification + "?from=1&to=1").token(auditor).once();
        assertThat(after.status()).as("a verification after the bursts: " + after).isEqualTo(200);
        Map<String, Long> headsAfter = businessHeads(gateway, auditor);
        RunSummary.records(headsBefore.size(), 0, 0);
        assertThat(headsAfter).as("heads of the business chains").isEqualTo(headsBefore);
        trail.assertEveryChainVerifies();
    }

    /**
     * A chain with more records than {@code span}: the longest there is, or, in a run too short to have
     * one, the gateway's security chain after as many 403s as it lacks — a clerk trying the audit API,
     * each refusal a record.
     */
    private static String chainLongerThan(long span, Platform platform, Gateway gateway, Tokens tokens, String auditor) {
        Map<String, Long> heads = heads(gateway, auditor);
        String longest = heads.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (longest != null && heads.get(longest) > span) {
            return longest;
        }
        assertThat(span).as("records to add to a chain before its verification can be refused").isLessThan(1_000);
        String snoop = tokens.of("bounded-snooping-clerk-" + UUID.randomUUID().toString().substring(0, 8), "CLERK",
                Households.TOWNSHIP);
        long missing = span + 1 - heads.entrySet().stream().filter(e -> e.getKey().startsWith("gateway.security-events-"))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
        for (long i = 0; i < missing; i++) {
            Answer refused = gateway.get(AUDIT + "/records?subject=" + i).token(snoop).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            RunSummary.hostileInputTried();
        }
        String[] found = new String[1];
        await("a chain longer than " + span).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            found[0] = heads(gateway, auditor).entrySet().stream().filter(e -> e.getValue() > span).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static Map<String, Long> heads(Gateway gateway, String auditor) {
        Answer answer = gateway.get(AUDIT + "/chains").token(auditor).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        Map<String, Long> heads = new LinkedHashMap<>();
        answer.json().forEach(c -> heads.put(c.path("chain").asString(), c.path("sequence").asLong()));
        return heads;
    }

    private static void assertRefused(Answer a, String code) {
        assertThat(a.status()).as(a.toString()).isIn(400, 422);
        assertThat(a.isProblem()).as(a.toString()).isTrue();
        assertThat(a.text("code")).as(a.toString()).isEqualTo(code);
        assertThat(a.json().path("errors").isArray() && !a.json().path("errors").isEmpty()).as("fields named: " + a).isTrue();
    }

    private static void assertBusy(Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(429);
        assertThat(a.isProblem()).as(a.toString()).isTrue();
        assertThat(a.text("code")).as(a.toString()).isEqualTo("audit-read-busy");
        assertThat(a.headers().firstValue("retry-after")).as(a.toString()).isPresent();
    }

    /** Head sequences of the assistance and org chains (nothing else writes them while this test runs). */
    private static Map<String, Long> businessHeads(Gateway gateway, String auditor) {
        Map<String, Long> heads = new LinkedHashMap<>(heads(gateway, auditor));
        heads.keySet().removeIf(name -> !name.startsWith("assistance.events-") && !name.startsWith("org.events-"));
        return heads;
    }
}
