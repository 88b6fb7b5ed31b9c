package cn.minzheng.assistance.web;

import cn.minzheng.assistance.payment.BankFiles;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventSchemaValidator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monthly payment roll through the API, on the real embedded Mongo-wire server and Kafka: a month
 * drawn up (twice: the same batch), approved by another APPROVER, exported as CSV and XLSX whose
 * SHA-256 matches the header and the batch, published as a masked list; an amount changed after
 * approval is corrected in the next month's batch (补发), the paid line untouched.
 */
class PaymentRollApiTest extends ServiceTestBase {
    static final String BASE = "/api/v1/assistance/payment-batches";
    /** A town of its own: the standard this test adds applies to these cases only. */
    static final String TOWN = "421303009";
    static final String CLERK = token("clerk-pay", "CLERK", "421303");
    static final String CASE_APPROVER = token("approver-case", "APPROVER", "421303");
    static final String DRAWER = token("approver-pay-1", "APPROVER", "421303");
    static final String APPROVER = token("approver-pay-2", "APPROVER", "421303");
    static final String ADMIN = token("admin-pay", "ADMIN", "421303");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private String activeCaseInTown(int seq) {
        Map<String, Object> body = Requests.with(Requests.dibao(seq, "600.00"), "regionCode", TOWN + "001");
        Map<String, Object> c = awaitingDecision(submitted(token("citizen-pay-" + seq, "CITIZEN", TOWN + "001"), body),
                CLERK, true);
        c = post("/api/v1/assistance/applications/" + c.get("number") + "/decision", CASE_APPROVER,
                Map.of("approve", true), c.get("version"));
        assertThat(c.get("status")).isEqualTo("ACTIVE");
        return (String) c.get("number");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> application(String number) {
        return http.get().uri("/api/v1/assistance/applications/" + number)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private EntityExchangeResult<Map> create(String token, Object body, HttpStatus expected) {
        return http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected).expectBody(Map.class).returnResult();
    }

    private ResponseSpec command(String id, String action, String token, Object version) {
        var spec = http.post().uri(BASE + "/" + id + "/" + action).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (version != null) {
            spec = spec.header(HttpHeaders.IF_MATCH, "\"" + version + "\"");
        }
        return spec.exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> linesOf(Map<String, Object> batch, String caseNumber) {
        return ((List<Map<String, Object>>) batch.get("lines")).stream()
                .filter(l -> l.get("caseNumber").equals(caseNumber)).toList();
    }

    private static YearMonth thisMonth() {
        return YearMonth.from(LocalDate.ofInstant(now(), CHINA));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMonthIsDrawnUpApprovedExportedPublishedAndCorrectedNextMonth() throws Exception {
        String a = activeCaseInTown(871);
        String b = activeCaseInTown(872);
        String amountA = (String) ((Map<String, Object>) application(a).get("benefit")).get("monthlyAmount");
        YearMonth first = thisMonth().plusMonths(1);
        String id = "421303-" + first;

        // drawn up: every payable case of the county, with totals
        Map<String, Object> batch = create(DRAWER, Map.of("regionCode", "421303", "month", first.toString()),
                HttpStatus.CREATED).getResponseBody();
        assertThat(batch.get("id")).isEqualTo(id);
        assertThat(batch.get("status")).isEqualTo("CREATED");
        assertThat(linesOf(batch, a)).singleElement().satisfies(l -> {
            assertThat(l.get("kind")).isEqualTo("REGULAR");
            assertThat(l.get("amount")).isEqualTo(amountA);
            assertThat(l.get("forMonth")).isEqualTo(first.toString());
            assertThat(l.get("town")).isEqualTo(TOWN);
            assertThat((String) l.get("idNumber")).contains("*");
        });
        assertThat(linesOf(batch, b)).hasSize(1);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) batch.get("lines");
        BigDecimal sum = lines.stream().map(l -> new BigDecimal((String) l.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal((String) batch.get("total"))).isEqualByComparingTo(sum);
        BigDecimal town = lines.stream().filter(l -> l.get("town").equals(TOWN))
                .map(l -> new BigDecimal((String) l.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(((Map<String, String>) batch.get("totalsByTown")).get(TOWN))).isEqualByComparingTo(town);
        assertThat(new BigDecimal(((Map<String, String>) batch.get("totalsByProgram")).get("DIBAO_URBAN")))
                .isEqualByComparingTo(lines.stream().filter(l -> l.get("program").equals("DIBAO_URBAN"))
                        .map(l -> new BigDecimal((String) l.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add));

        // drawn up again: the same batch, nothing changed
        assertThat(create(CLERK, Map.of("regionCode", "421303", "month", first.toString()), HttpStatus.OK)
                .getResponseBody()).isEqualTo(batch);

        // not exported before approval; approval: If-Match, APPROVER only, never the one who drew it up
        command(id, "bank-file?format=csv", CLERK, 1).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("illegal-transition");
        command(id, "approval", APPROVER, null).expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        command(id, "approval", APPROVER, 7).expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        command(id, "approval", CLERK, 1).expectStatus().isForbidden();
        command(id, "approval", DRAWER, 1).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("batch-own-approval");
        command(id, "approval", APPROVER, 1).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("APPROVED").jsonPath("$.approvedBy").isEqualTo("approver-pay-2");

        // the bank file: CSV, then XLSX; each checksum is the SHA-256 of the body and is stored on the batch
        command(id, "bank-file?format=pdf", CLERK, 2).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/format");
        EntityExchangeResult<byte[]> csv = command(id, "bank-file?format=csv", CLERK, 2).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"").expectBody(byte[].class).returnResult();
        String csvSum = csv.getResponseHeaders().getFirst("X-Checksum-SHA256");
        assertThat(sha256(csv.getResponseBody())).isEqualTo(csvSum);
        List<String[]> csvRows = csvRows(csv.getResponseBody());
        assertThat(csvRows.get(0)).containsExactly(BankFiles.HEADERS.toArray(String[]::new));
        assertThat(csvRows).hasSize(lines.size() + 2);
        assertThat(csvRows.get(csvRows.size() - 1)[0]).isEqualTo("合计");
        assertThat(new BigDecimal(csvRows.get(csvRows.size() - 1)[9])).isEqualByComparingTo(sum);
        assertThat(csvRows).anySatisfy(r -> {
            assertThat(r[1]).isEqualTo(a);
            assertThat(r[3]).isEqualTo("张三");
            assertThat(r[9]).isEqualTo(amountA);
        });
        EntityExchangeResult<byte[]> xlsx = command(id, "bank-file?format=xlsx", CLERK, 3).expectStatus().isOk()
                .expectHeader().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .expectBody(byte[].class).returnResult();
        String xlsxSum = xlsx.getResponseHeaders().getFirst("X-Checksum-SHA256");
        assertThat(sha256(xlsx.getResponseBody())).isEqualTo(xlsxSum);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponseBody()))) {
            Sheet sheet = book.getSheet("发放名单");
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("金额（元）");
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(new BigDecimal(total.getCell(9).getStringCellValue())).isEqualByComparingTo(sum);
            assertThat(sheet.getLastRowNum()).isEqualTo(lines.size() + 1);
        }
        Map<String, Object> exported = http.get().uri(BASE + "/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((Map<String, String>) exported.get("checksums")).containsEntry("csv", csvSum).containsEntry("xlsx", xlsxSum);

        // published: masked names on the public list (no token), never before
        http.get().uri("/api/v1/assistance/public/payment-batches/" + id + "/recipients").exchange()
                .expectStatus().isNotFound();
        command(id, "publication", CLERK, 4).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
        Map<String, Object> published = http.get().uri("/api/v1/assistance/public/payment-batches/" + id + "/recipients")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> recipients = (List<Map<String, Object>>) published.get("recipients");
        assertThat(recipients).hasSize(lines.size());
        assertThat(recipients).allSatisfy(r -> {
            assertThat((String) r.get("name")).contains("*");
            assertThat(r).containsOnlyKeys("name", "householdSize", "amount", "program");
        });
        assertThat(recipients).anySatisfy(r -> {
            assertThat(r.get("amount")).isEqualTo(amountA);
            assertThat(r.get("householdSize")).isEqualTo(3);
        });

        // next month: the town's standard rose from this month on, case a's amount changes after its month
        // was approved → November's batch pays the month and a 补发 line for the approved month; b unchanged
        CLOCK.advance(Duration.between(now(), first.atDay(2).atTime(9, 0).atZone(CHINA).toInstant()));
        assertThat(thisMonth()).isEqualTo(first);
        http.post().uri("/api/v1/assistance/standards").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("regionPrefix", TOWN, "kind", "DIBAO_URBAN", "effectiveFrom", first.toString(),
                        "monthlyAmount", "700.00", "source", "测试：曾都区 2026 年标准调整"))
                .exchange().expectStatus().isCreated();
        Map<String, Object> caseA = application(a);
        Map<String, Object> changed = post("/api/v1/assistance/applications/" + a + "/amount-change", CASE_APPROVER,
                Map.of("reason", "标准调整"), caseA.get("version"));
        String newAmountA = (String) ((Map<String, Object>) changed.get("benefit")).get("monthlyAmount");
        BigDecimal rise = new BigDecimal(newAmountA).subtract(new BigDecimal(amountA));
        assertThat(rise).isPositive();
        YearMonth second = first.plusMonths(1);
        Map<String, Object> next = create(DRAWER, Map.of("regionCode", "421303", "month", second.toString()),
                HttpStatus.CREATED).getResponseBody();
        assertThat(linesOf(next, a)).extracting(l -> l.get("kind") + " " + l.get("forMonth") + " " + l.get("amount"))
                .containsExactly("REGULAR " + second + " " + newAmountA, "TOP_UP " + first + " " + rise.setScale(2));
        assertThat(linesOf(next, b)).extracting(l -> l.get("kind")).containsExactly("REGULAR");
        assertThat(next.get("adjustmentCount")).isEqualTo(1);
        // the paid month's batch is as it was
        Map<String, Object> paid = http.get().uri(BASE + "/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(paid.get("lines")).isEqualTo(batch.get("lines"));
        assertThat(paid.get("linesDigest")).isEqualTo(batch.get("linesDigest"));

        // every step is an event on assistance.events, valid against its schema
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<EventEnvelope> events = eventsOf(id);
            assertThat(events).extracting(EventEnvelope::type).containsExactly(
                    "minzheng.assistance.payment-batch.created.v1", "minzheng.assistance.payment-batch.approved.v1",
                    "minzheng.assistance.payment-batch.exported.v1", "minzheng.assistance.payment-batch.exported.v1",
                    "minzheng.assistance.payment-batch.published.v1");
            events.forEach(e -> assertThat(EventSchemaValidator.shared().validate(e)).as(e.type()).isEmpty());
        });
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsDrawnUp() {
        String next = thisMonth().plusMonths(1).toString();
        http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("regionCode", "421303", "month", "2026-13")).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/month")
                .jsonPath("$.errors[0].code").isEqualTo("MONTH_FORMAT");
        http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("regionCode", "421303", "month", thisMonth().plusMonths(3).toString())).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("MONTH_RANGE");
        for (String region : List.of("999999", "4213", "421303001", "abc")) {
            http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("regionCode", region, "month", next)).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/regionCode");
        }
        // a county this deployment does not serve
        http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("regionCode", "110105", "month", next)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("REGION_UNKNOWN");
        // unknown fields are refused like every body of the service
        http.post().uri(BASE).header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("regionCode", "421303", "month", next, "total", "1.00")).exchange()
                .expectStatus().isBadRequest();
        // citizens and staff of another county draw nothing up
        create(token("citizen-x", "CITIZEN", "421303001"), Map.of("regionCode", "421303", "month", next), HttpStatus.FORBIDDEN);
        create(token("clerk-other", "CLERK", "421302"), Map.of("regionCode", "421303", "month", next), HttpStatus.FORBIDDEN);
        http.get().uri(BASE + "/not-an-id").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/id");
        http.get().uri(BASE + "/421303-2020-01").header(HttpHeaders.AUTHORIZATION, "Bearer " + CLERK).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/v1/assistance/public/payment-batches/421303-2020-01/recipients").exchange()
                .expectStatus().isNotFound();
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }

    /** RFC 4180 rows after the UTF-8 BOM (a quoted cell may hold commas). */
    private static List<String[]> csvRows(byte[] body) {
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\r\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            assertThat(cells).as(line).hasSize(BankFiles.HEADERS.size());
            rows.add(cells.toArray(String[]::new));
        }
        return rows;
    }
}
