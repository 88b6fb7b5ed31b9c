package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.reads.ReadKind;
import cn.minzheng.audit.reads.ReadLimits;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Issue 14 item 8, bounded audit reads, through HTTP with real tokens: an auditor's verify range is
 * capped (the test profile sets {@code verify-max-span: 6}), counting statistics need a range of at
 * most 366 days, each kind of read has its own concurrency limit (429 + Retry-After) and every such
 * read a time limit (503). The concurrency and time limits are driven by a test hook on
 * {@link ReadLimits} — requests held on a latch, a deadline fired by hand — never by sleeping.
 * Each refusal leaves the trail and the permits as they were.
 */
class BoundedReadsTest extends AuditServiceTestBase {

    static final String TOPIC = "bounded-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    static final String CHAIN = TOPIC + "-0";
    static final String REGION = "421381";
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    static final String WINDOW = "from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z";
    static final int EVENTS = 150; // more than the XLSX row window (100)
    private static boolean seeded;

    @Autowired
    MongoDatabase database;
    @Autowired
    ReadLimits limits;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        createTopic(TOPIC, 1);
        for (int i = 0; i < EVENTS; i++) {
            send(TOPIC, event(EventTypes.APPLICATION_SUBMITTED, "DB-" + REGION + "-20261102-" + i, REGION, null,
                    "SUBMITTED", null, T0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored() == EVENTS);
        seeded = true;
    }

    @AfterEach
    void noPermitLeftTakenAndNoHook() {
        limits.hook(null);
        // a permit comes back when the server's exchange completes, a moment after the client read the answer
        for (ReadKind kind : ReadKind.values()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(limits.available(kind)).as("free permits of %s", kind).isEqualTo(limits.limit(kind)));
        }
        assertThat(stored()).as("a read changes nothing in the trail").isEqualTo(EVENTS);
    }

    private long stored() {
        return Mono.from(database.getCollection("audit_records").countDocuments(Filters.eq("topic", TOPIC)))
                .block(Duration.ofSeconds(10));
    }

    private WebTestClient.ResponseSpec get(String uri, String token) {
        return client().get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private static void isProblem(WebTestClient.ResponseSpec response, int status, String code, String... zh) {
        var body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code).jsonPath("$.status").isEqualTo(status);
        String detail = new String(body.returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        for (String text : zh) {
            assertThat(detail).contains(text);
        }
    }

    // ---- (a) verify takes a bounded range ------------------------------------------------------

    @Test
    void anAuditorVerifiesAtMostTheConfiguredSpanAndIsToldHowToSplit() {
        String verify = "/api/v1/audit/chains/" + CHAIN + "/verification";
        // the whole chain (150 records): refused before any record is read, with the next step in Chinese
        isProblem(get(verify, auditor(REGION)), 400, "verify-range-too-large",
                "一次最多校验 6 条记录", "第 1 至 150 条", "from=1&to=6", "再从 7 开始", "仅限系统管理员");
        isProblem(get(verify + "?from=10&to=16", auditor(REGION)), 400, "verify-range-too-large", "from=10&to=15");
        isProblem(client().post().uri("/api/v1/audit/verifications").headers(h -> h.setBearerAuth(auditor(REGION)))
                .bodyValue(java.util.Map.of("chain", CHAIN, "fromSequence", 140)).exchange(),
                400, "verify-range-too-large", "第 140 至 150 条");
        isProblem(get(verify + "?from=1&to=150", auditor(REGION)), 400, "verify-range-too-large");
    }

    @Test
    void withinTheSpanAnAuditorVerifiesAndAnAdministratorVerifiesTheWholeChain() {
        String verify = "/api/v1/audit/chains/" + CHAIN + "/verification";
        get(verify + "?from=1&to=6", auditor(REGION)).expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true).jsonPath("$.count").isEqualTo(6);
        get(verify + "?from=145", auditor(REGION)).expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true).jsonPath("$.count").isEqualTo(6);
        get(verify + "?from=145&to=999999", auditor(REGION)).expectStatus().isOk().expectBody() // capped at the head
                .jsonPath("$.count").isEqualTo(6);
        get(verify, admin()).expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true).jsonPath("$.count").isEqualTo(EVENTS);
    }

    // ---- (b) statistics need a time range --------------------------------------------------------

    @Test
    void statisticsWithoutARangeOrWithTooLongOneAreRefusedSayingWhatToAdd() {
        var missing = get("/api/v1/audit/statistics?by=type", auditor(REGION));
        isProblem(missing, 400, "statistics-range-required", "请同时给出参数 from 和 to", "不超过 366 天");
        get("/api/v1/audit/statistics?by=type&from=2026-11-02T00:00:00Z", auditor(REGION)).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("statistics-range-required")
                .jsonPath("$.errors[0].pointer").isEqualTo("/to");
        isProblem(get("/api/v1/audit/statistics?by=type&from=2025-01-01T00:00:00Z&to=2026-11-03T00:00:00Z", admin()),
                400, "statistics-range-too-large", "最多 366 天", "本次为 671 天", "拆成");
        get("/api/v1/audit/statistics?by=type&" + WINDOW, auditor(REGION)).expectStatus().isOk().expectBody()
                .jsonPath("$.counts['" + EventTypes.APPLICATION_SUBMITTED + "']").isEqualTo(EVENTS);
    }

    @Test
    void theEnglishProblemSaysTheSame() {
        client().get().uri("/api/v1/audit/statistics?by=type").headers(h -> {
            h.setBearerAuth(auditor(REGION));
            h.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        }).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("Give both from and to")
                        .contains("366 days"));
    }

    // ---- (c) per-kind concurrency and the time limit -----------------------------------------------

    @Test
    void exportsOverTheirConcurrencyLimitAre429WithRetryAfterWhileOtherKindsRun() throws Exception {
        int limit = limits.limit(ReadKind.EXPORT);
        CountDownLatch admitted = new CountDownLatch(limit);
        CompletableFuture<Void> release = new CompletableFuture<>();
        limits.hook(new ReadLimits.Hook() {
            @Override
            public Mono<Void> admitted(ReadKind kind) {
                if (kind != ReadKind.EXPORT) {
                    return Mono.empty();
                }
                admitted.countDown();
                return Mono.fromFuture(release);
            }
        });
        String csv = "/api/v1/audit/exports/records.csv?" + WINDOW;
        ExecutorService pool = Executors.newFixedThreadPool(limit);
        try {
            List<CompletableFuture<Integer>> held = new ArrayList<>();
            for (int i = 0; i < limit; i++) {
                held.add(CompletableFuture.supplyAsync(() -> get(csv, auditor(REGION)).expectBody(String.class)
                        .returnResult().getStatus().value(), pool));
            }
            assertThat(admitted.await(30, TimeUnit.SECONDS)).as("%d exports hold their permits", limit).isTrue();
            assertThat(limits.available(ReadKind.EXPORT)).isZero();

            var refused = get("/api/v1/audit/exports/records.xlsx?" + WINDOW, auditor(REGION));
            refused.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
            isProblem(refused, 429, "audit-read-busy", "同时最多进行 " + limit + " 个", "请在 10 秒后重试");
            // another kind is not held up by the exports
            get("/api/v1/audit/statistics?by=day&" + WINDOW, auditor(REGION)).expectStatus().isOk();

            release.complete(null);
            for (CompletableFuture<Integer> h : held) {
                assertThat(h.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            release.complete(null);
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> limits.available(ReadKind.EXPORT) == limit);
        get("/api/v1/audit/exports/records.csv?" + WINDOW, auditor(REGION)).expectStatus().isOk();
    }

    @Test
    void aReadPastTheTimeLimitIs503SayingToNarrowTheRange() throws Exception {
        CountDownLatch admitted = new CountDownLatch(1);
        CompletableFuture<Long> deadline = new CompletableFuture<>();
        limits.hook(new ReadLimits.Hook() {
            @Override
            public Mono<Void> admitted(ReadKind kind) {
                admitted.countDown();
                return Mono.never(); // a query that would run for ever
            }

            @Override
            public Mono<?> deadline(ReadKind kind, Duration limit) {
                return Mono.fromFuture(deadline);
            }
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<WebTestClient.ResponseSpec> response = CompletableFuture.supplyAsync(
                    () -> get("/api/v1/audit/chains/" + CHAIN + "/verification?from=1&to=6", auditor(REGION)), pool);
            assertThat(admitted.await(30, TimeUnit.SECONDS)).isTrue();
            deadline.complete(0L); // the time limit passes
            isProblem(response.get(30, TimeUnit.SECONDS), 503, "audit-read-timeout", "超过服务器时间上限 60 秒",
                    "请缩小范围");
        } finally {
            deadline.complete(0L);
            pool.shutdownNow();
        }
    }

    // ---- (d) XLSX streamed -------------------------------------------------------------------------

    @Test
    void theStreamedXlsxHoldsEveryRowPastTheRowWindow() throws Exception {
        byte[] xlsx = get("/api/v1/audit/exports/records.xlsx?region=" + REGION + "&" + WINDOW, auditor(REGION))
                .expectStatus().isOk().expectHeader().contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheet("审计记录");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(EVENTS);
            // the subject column follows 时间, 事件类型 and 事件名称 (the type's Chinese name, issue 16 item 4)
            assertThat(sheet.getRow(EVENTS).getCell(3).getStringCellValue()).startsWith("DB-" + REGION + "-20261102-");
        }
    }
}
