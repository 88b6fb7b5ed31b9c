package cn.minzheng.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.checkpoint.Checkpointing;
import cn.minzheng.audit.checkpoint.PublicKeys;
import cn.minzheng.audit.verify.OfflineVerifier;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import cn.minzheng.platform.events.Topics;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/** The HTTP API with real tokens: access matrix, bad input, timeline, search, verify, export, statistics. */
class AuditApiTest extends AuditServiceTestBase {

    static final String TOPIC = "api-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    static final String CHAIN = TOPIC + "-0";
    static final String CASE_A = "DB-421303-20250601-" + UUID.randomUUID().toString().substring(0, 4);
    static final String CASE_B = "DB-110105-20250601-" + UUID.randomUUID().toString().substring(0, 4);
    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    static final String WINDOW = "&from=2025-06-01T00:00:00Z&to=2025-06-02T00:00:00Z";
    private static boolean seeded;

    @Autowired
    MongoDatabase database;
    @Autowired
    Checkpointing checkpointing;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        createTopic(TOPIC, 1);
        send(TOPIC, event(EventTypes.APPLICATION_SUBMITTED, CASE_A, "421303001", null, "SUBMITTED", null, T0));
        send(TOPIC, event(EventTypes.APPLICATION_ACCEPTED, CASE_A, "421303001", "SUBMITTED", "ACCEPTED", "材料齐全",
                T0.plusSeconds(3600)));
        send(TOPIC, event(EventTypes.APPLICATION_APPROVED, CASE_A, "421303001", "ACCEPTED", "APPROVED", "符合条件",
                T0.plusSeconds(7200)));
        send(TOPIC, event(EventTypes.APPLICATION_SUBMITTED, CASE_B, "110105", null, "SUBMITTED", null,
                T0.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(Filters.eq("topic", TOPIC)) == 4);
        seeded = true;
    }

    /** Removes a chain this test tampered with (test data only; the service has no delete). */
    private void forget(String chain) {
        Mono.from(database.getCollection("audit_records").deleteMany(Filters.eq("chain", chain))).block();
        Mono.from(database.getCollection("chain_heads").deleteMany(Filters.eq("_id", chain))).block();
        Mono.from(database.getCollection("checkpoints").deleteMany(Filters.eq("chain", chain))).block();
    }

    private long stored(org.bson.conversions.Bson filter) {
        return Mono.from(database.getCollection("audit_records").countDocuments(filter)).block(Duration.ofSeconds(10));
    }

    // ---- access ---------------------------------------------------------------------------

    @Test
    void thePublicKeyNeedsNoToken() {
        client().get().uri("/api/v1/audit/public/key").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.algorithm").isEqualTo("Ed25519").jsonPath("$.keyId").isNotEmpty()
                // the current key and the retired one from minzheng.audit.checkpoint.retired-public-keys
                .jsonPath("$.keys.length()").isEqualTo(2)
                .jsonPath("$.keys[0].status").isEqualTo("current")
                .jsonPath("$.keys[1].status").isEqualTo("retired")
                .jsonPath("$.keys[1].keyId").isEqualTo(RETIRED_KEY.keyId())
                .jsonPath("$.keys[1].publicKeyBase64").isEqualTo(PublicKeys.toBase64(RETIRED_KEY.publicKey()));
        String pem = client().get().uri("/api/v1/audit/public/key.pem").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(PublicKeys.parse(pem).getAlgorithm()).isIn("Ed25519", "EdDSA");
        String all = client().get().uri("/api/v1/audit/public/keys.pem").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(PublicKeys.parseAll(all)).containsExactly(PublicKeys.parse(pem), RETIRED_KEY.publicKey());
    }

    @ParameterizedTest(name = "{0} reads timeline of {1} -> {2}")
    @CsvSource({
        "none,            A, 401",
        "clerk-421303,    A, 403",
        "auditor-421303,  A, 200",
        "auditor-421303,  B, 404",
        "auditor-110105,  A, 404",
        "auditor-110105,  B, 200",
        "auditor-none,    A, 403",
        "admin,           A, 200",
        "admin,           B, 200"
    })
    void timelineAccessFollowsRoleAndRegion(String who, String caseKey, int status) {
        var request = client().get().uri("/api/v1/audit/timeline/{s}", caseKey.equals("A") ? CASE_A : CASE_B);
        String token = switch (who) {
            case "none" -> null;
            case "clerk-421303" -> token("clerk-1", List.of("CLERK"), "421303");
            case "auditor-421303" -> auditor("421303");
            case "auditor-110105" -> auditor("110105");
            case "auditor-none" -> token("auditor-x", List.of("AUDITOR"), null);
            default -> admin();
        };
        if (token != null) {
            request = request.headers(h -> h.setBearerAuth(token));
        }
        var response = request.exchange().expectStatus().isEqualTo(status);
        if (status != 200) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void anAuditorCannotSearchAnotherRegion() {
        client().get().uri("/api/v1/audit/records?region=110105")
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("region-out-of-scope");
    }

    @Test
    void searchShowsOnlyTheAuditorsRegion() {
        client().get().uri("/api/v1/audit/records?limit=200" + WINDOW)
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.subject == '" + CASE_A + "')].subject").value(List.class,
                        l -> assertThat(l).hasSize(3))
                .jsonPath("$.items[?(@.subject == '" + CASE_B + "')]").isEmpty();
    }

    // ---- bad input --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/audit/records?limit=999, /limit",
        "/api/v1/audit/records?from=yesterday, /from",
        "/api/v1/audit/records?region=42x, /region",
        "/api/v1/audit/records?type=no%20such%20type, /type",
        "/api/v1/audit/records?cursor=forged, /cursor",
        "/api/v1/audit/exports/records.ndjson?from=yesterday, /from",
        "/api/v1/audit/exports/records.ndjson?region=42x, /region",
        "/api/v1/audit/exports/records.csv?to=tomorrow, /to",
        "/api/v1/audit/exports/records.csv?type=no%20such%20type, /type",
        "/api/v1/audit/exports/records.xlsx?region=42x, /region",
        "/api/v1/audit/exports/records.xlsx?from=yesterday, /from",
        "/api/v1/audit/statistics?by=month, /by",
        "/api/v1/audit/chains/no chain/verification, /chain",
        "/api/v1/audit/chains/x.events-0/verification?from=0, /from"
    })
    void badInputIsAProblemNamingTheField(String uri, String pointer) {
        client().get().uri(uri).headers(h -> h.setBearerAuth(admin())).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo(pointer)
                .jsonPath("$.code").isNotEmpty();
    }

    @Test
    void aBadTimelineSubjectIsRefusedAndNoReadIsRecorded() {
        client().get().uri("/api/v1/audit/timeline/{s}", "a b<script>").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stored(Filters.eq("subject", "a b<script>"))).isZero();
    }

    // ---- timeline and its own record --------------------------------------------------------

    @Test
    void theTimelineTellsTheWholeCaseAndTheReadIsRecorded() {
        client().get().uri("/api/v1/audit/timeline/{s}", CASE_A).headers(h -> h.setBearerAuth(auditor("421303")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.count").isEqualTo(3)
                .jsonPath("$.entries[0].toStatus").isEqualTo("SUBMITTED")
                .jsonPath("$.entries[1].fromStatus").isEqualTo("SUBMITTED")
                .jsonPath("$.entries[1].toStatus").isEqualTo("ACCEPTED")
                .jsonPath("$.entries[1].reason").isEqualTo("材料齐全")
                .jsonPath("$.entries[1].actorId").isEqualTo("clerk-421303001")
                .jsonPath("$.entries[1].actorRole").isEqualTo("CLERK")
                .jsonPath("$.entries[2].toStatus").isEqualTo("APPROVED");
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(Filters.and(Filters.eq("topic", Topics.AUDIT_EVENTS),
                Filters.eq("type", EventTypes.TIMELINE_READ), Filters.eq("subject", CASE_A),
                Filters.eq("actorId", "auditor-421303"))) >= 1);
        // the case's own story stays three events; the reads show on request
        client().get().uri("/api/v1/audit/timeline/{s}", CASE_A).headers(h -> h.setBearerAuth(auditor("421303")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.count").isEqualTo(3);
        client().get().uri("/api/v1/audit/timeline/{s}?includeReads=true", CASE_A)
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.entries[?(@.type == '" + EventTypes.TIMELINE_READ + "')].actorRole")
                .value(List.class, roles -> assertThat(roles).isNotEmpty().contains("AUDITOR"));
    }

    @Test
    void theReadEventFitsItsSchema() {
        EventEnvelope read = cn.minzheng.audit.timeline.TimelineReadsAccess.event("auditor-1", "421303", CASE_A);
        cn.minzheng.platform.events.EventSchemaValidator.shared().assertValid(read);
        assertThat(read.type()).isEqualTo(EventTypes.TIMELINE_READ);
    }

    // ---- search pages -----------------------------------------------------------------------

    @Test
    void searchPagesWithACursor() {
        String first = "/api/v1/audit/records?limit=2&subject=" + CASE_A + WINDOW;
        Map<?, ?> page1 = client().get().uri(first).headers(h -> h.setBearerAuth(auditor("421303"))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page1.get("items")).hasSize(2);
        assertThat(page1.get("nextCursor")).isNotNull();
        Map<?, ?> page2 = client().get().uri(first + "&cursor=" + page1.get("nextCursor"))
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page2.get("items")).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) page2.get("items")).get(0)).get("toStatus")).isEqualTo("APPROVED");
        assertThat(page2.get("nextCursor")).isNull();
    }

    // ---- integrity --------------------------------------------------------------------------

    @Test
    void verificationFindsTheEditedRecord() {
        String topic = "tamper-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, 1);
        for (int i = 0; i < 5; i++) {
            send(topic, event(EventTypes.APPLICATION_SUBMITTED, "DB-T-" + i, "421303", null, "SUBMITTED", null,
                    T0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(Filters.eq("topic", topic)) == 5);
        String chain = topic + "-0";
        try {
            client().get().uri("/api/v1/audit/chains/{c}/verification", chain).headers(h -> h.setBearerAuth(auditor("421303")))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.ok").isEqualTo(true).jsonPath("$.count").isEqualTo(5);
            checkpointing.signIfMoved(chain).block(Duration.ofSeconds(30));
            client().get().uri("/api/v1/audit/chains").headers(h -> h.setBearerAuth(admin())).exchange()
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$[?(@.chain == '" + chain + "')].latestCheckpoint.sequence").isEqualTo(List.of(5));

            Mono.from(database.getCollection("audit_records").updateOne(Filters.eq("_id", chain + "#3"),
                    Updates.set("data", "{\"aggregateId\":\"DB-T-2\",\"toStatus\":\"APPROVED\"}"))).block();

            client().post().uri("/api/v1/audit/verifications").headers(h -> h.setBearerAuth(auditor("421303")))
                    .bodyValue(Map.of("chain", chain)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.ok").isEqualTo(false)
                    .jsonPath("$.count").isEqualTo(2)
                    .jsonPath("$.failure.sequence").isEqualTo(3)
                    .jsonPath("$.failure.kind").isEqualTo("CONTENT_CHANGED")
                    .jsonPath("$.failure.expectedHash").isNotEmpty()
                    .jsonPath("$.failure.foundHash").isNotEmpty();
            // a range is judged on its own records: 4..5 are untouched, 3..3 is not
            client().get().uri("/api/v1/audit/chains/{c}/verification?from=4", chain)
                    .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.ok").isEqualTo(true).jsonPath("$.count").isEqualTo(2);
            client().get().uri("/api/v1/audit/chains/{c}/verification?from=3&to=3", chain)
                    .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.ok").isEqualTo(false).jsonPath("$.failure.sequence").isEqualTo(3);
            // a record edited after the last checkpoint is never vouched for: the next signature is refused
            send(topic, event(EventTypes.APPLICATION_SUBMITTED, "DB-T-5", "421303", null, "SUBMITTED", null, T0));
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(Filters.eq("topic", topic)) == 6);
            Mono.from(database.getCollection("audit_records").updateOne(Filters.eq("_id", chain + "#6"),
                    Updates.set("actorId", "someone-else"))).block();
            assertThat(checkpointing.signIfMoved(chain).block(Duration.ofSeconds(30))).isNull();
            client().get().uri("/api/v1/audit/chains/{c}/checkpoints", chain).headers(h -> h.setBearerAuth(admin()))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);

            client().get().uri("/api/v1/audit/chains/{c}/verification", "nothing.events-9")
                    .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isNotFound();
        } finally {
            forget(chain); // a tampered chain would refuse every later checkpoint run of this test JVM
        }
    }

    @Test
    void aChainExportVerifiesOfflineWithThePublicKey() throws Exception {
        checkpointing.signIfMoved(CHAIN).block(Duration.ofSeconds(30));
        String ndjson = client().get().uri("/api/v1/audit/exports/chains/{c}.ndjson", CHAIN)
                .headers(h -> h.setBearerAuth(admin())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String pem = client().get().uri("/api/v1/audit/public/key.pem").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OfflineVerifier.Report report = OfflineVerifier.verify(new StringReader(ndjson), PublicKeys.parse(pem),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(report.exitCode()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(report.verdict().count()).isEqualTo(4);
        assertThat(report.verdict().signedUpTo()).isEqualTo(4);

        OfflineVerifier.Report tampered = OfflineVerifier.verify(new StringReader(ndjson.replace("材料齐全", "材料不全")),
                PublicKeys.parse(pem), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.verdict().failure().sequence()).isEqualTo(2);

        client().get().uri("/api/v1/audit/exports/chains/{c}.ndjson", CHAIN)
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isForbidden();
    }

    @Test
    void aQueryExportVerifiesOfflineAndItsOnlineChecksHold() throws Exception {
        String ndjson = client().get().uri("/api/v1/audit/exports/records.ndjson?subject=" + CASE_A + WINDOW)
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/x-ndjson"))
                .expectBody(String.class).returnResult().getResponseBody();
        String pem = client().get().uri("/api/v1/audit/public/keys.pem").exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OfflineVerifier.Report report = OfflineVerifier.verify(new StringReader(ndjson),
                cn.minzheng.audit.checkpoint.VerificationKeys.trusted(PublicKeys.parseAll(pem)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String said = printed.toString(StandardCharsets.UTF_8);
        assertThat(report.exitCode()).as(said).isZero();
        assertThat(report.query().records()).isEqualTo(3);
        assertThat(report.query().links()).isEqualTo(2);
        assertThat(report.query().gaps()).isZero();
        assertThat(ndjson.lines().findFirst().orElseThrow()).contains("\"@type\":\"audit-query-export\"",
                "\"region\":\"421303\"", "\"subject\":\"" + CASE_A + "\"");
        assertThat(said).contains("3 records self-consistent", "2 links verified", "RESULT OK");
        // every online check the verifier asks for answers ok with the hashes it names
        assertThat(report.query().online()).isNotEmpty().allSatisfy(check -> client().get()
                .uri("/api/v1/audit/chains/{c}/verification?from={f}" + (check.to() == null ? "" : "&to=" + check.to()),
                        check.chain(), check.from())
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.anchorHash").isEqualTo(check.anchorHash()));

        ByteArrayOutputStream tamperedOut = new ByteArrayOutputStream();
        OfflineVerifier.Report tampered = OfflineVerifier.verify(new StringReader(ndjson.replace("材料齐全", "材料不全")),
                cn.minzheng.audit.checkpoint.VerificationKeys.trusted(PublicKeys.parseAll(pem)),
                new PrintStream(tamperedOut, true, StandardCharsets.UTF_8));
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tamperedOut.toString(StandardCharsets.UTF_8))
                .contains("TAMPERED line 3 chain=" + CHAIN + " sequence=2 kind=CONTENT_CHANGED");

        client().get().uri("/api/v1/audit/exports/records.ndjson?region=421303")
                .headers(h -> h.setBearerAuth(auditor("110105"))).exchange().expectStatus().isForbidden();
        String outOfScope = client().get().uri("/api/v1/audit/exports/records.ndjson?subject=" + CASE_A + WINDOW)
                .headers(h -> h.setBearerAuth(auditor("110105"))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(outOfScope.lines()).hasSize(2).last().asString().contains("\"records\":0");
    }

    @Test
    void csvAndXlsxCarryChineseHeadersAndTheScopedRows() throws Exception {
        String csv = client().get().uri("/api/v1/audit/exports/records.csv?subject=" + CASE_A + WINDOW)
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF\"时间\",\"事件类型\",\"事件名称\"");
        assertThat(lines).hasSize(4);
        assertThat(lines[2]).contains("\"材料齐全\"");
        // China time in the time column, the instant kept (issue 16 item 4)
        assertThat(lines[1]).matches("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+08:00\",.*");

        byte[] xlsx = client().get().uri("/api/v1/audit/exports/records.xlsx?region=110105" + WINDOW)
                .headers(h -> h.setBearerAuth(auditor("110105"))).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("时间");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("事件名称");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo(CASE_B);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).endsWith("+08:00");
        }
    }

    @ParameterizedTest(name = "{0} with Accept: application/json -> 406 naming {1}")
    @CsvSource({
        "/api/v1/audit/exports/records.csv, text/csv",
        "/api/v1/audit/exports/records.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "/api/v1/audit/exports/records.ndjson, application/x-ndjson"
    })
    void anExportAskedForAsJsonIs406NamingWhatItProduces(String path, String produced) {
        client().get().uri(path + "?region=110105" + WINDOW).headers(h -> {
            h.setBearerAuth(auditor("110105"));
            h.setAccept(List.of(MediaType.APPLICATION_JSON));
        }).exchange().expectStatus().isEqualTo(406)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("export-not-acceptable")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("只能以 " + produced + " 格式返回")
                        .doesNotContain("JSON 格式返回"));
        client().get().uri("/api/v1/audit/public/key.pem").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(406).expectBody().jsonPath("$.code").isEqualTo("not-acceptable");
    }

    // ---- statistics ---------------------------------------------------------------------------

    @Test
    void statisticsCountWithinTheScope() {
        client().get().uri("/api/v1/audit/statistics?by=type" + WINDOW).headers(h -> h.setBearerAuth(auditor("421303")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.counts['" + EventTypes.APPLICATION_SUBMITTED + "']").isEqualTo(1)
                .jsonPath("$.counts['" + EventTypes.APPLICATION_APPROVED + "']").isEqualTo(1)
                .jsonPath("$.total").isEqualTo(3);
        client().get().uri("/api/v1/audit/statistics?by=day" + WINDOW).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.counts['2025-06-01']").isEqualTo(4);
        client().get().uri("/api/v1/audit/statistics?by=service" + WINDOW).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.counts.assistance").isEqualTo(4);
    }
}
