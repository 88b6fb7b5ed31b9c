package cn.minzheng.org.registration;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.platform.codes.credit.CreditCode;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationApiTest extends OrgServiceTestBase {
    private static final List<String> ALL_DOCS = List.of("APPLICATION", "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION", "PREMISES_PROOF",
            "OFFICER_IDS", "DRAFT_CHARTER");

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    private final String agent = "agent-" + UUID.randomUUID();
    private final String agentToken = token(agent, "ORG_AGENT", COUNTY);
    private final String registrarToken = token("registrar-1", "REGISTRAR", COUNTY);

    static Map<String, Object> socialGroup(String field, int individuals, String funds, List<String> documents, String repId) {
        return Map.ofEntries(
                Map.entry("authorityCode", COUNTY),
                Map.entry("type", "SOCIAL_GROUP"),
                Map.entry("name", Map.of("region", "随州市曾都区", "field", field, "form", "协会")),
                Map.entry("residence", "随州市曾都区烈山大道1号"),
                Map.entry("purpose", "服务会员"),
                Map.entry("businessScope", "行业交流"),
                Map.entry("activityArea", "曾都区"),
                Map.entry("legalRepresentative", Map.of("name", "王小明", "idNumber", repId)),
                Map.entry("funds", funds),
                Map.entry("fundsInCash", true),
                Map.entry("sponsorUnit", "曾都区科协"),
                Map.entry("members", Map.of("individuals", individuals, "units", 0)),
                Map.entry("documents", documents));
    }

    private WebTestClient.ResponseSpec post(String path, String token, Object body, Long ifMatch) {
        var spec = client().post().uri(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            spec = spec.header("If-Match", "\"" + ifMatch + "\"");
        }
        return body == null ? spec.exchange() : spec.bodyValue(body).exchange();
    }

    private JsonNode json(WebTestClient.ResponseSpec spec, HttpStatus status) {
        return spec.expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /**
     * A business field no other test uses: 6 hex digits of a random UUID, digits written as Chinese
     * numerals (mapping every digit to one character made "科普甲甲甲甲甲甲" likely enough — 6 % per name —
     * that two tests of one run collided on the name and the second registration was refused).
     */
    private String uniqueField() {
        StringBuilder field = new StringBuilder("科普");
        for (char c : UUID.randomUUID().toString().substring(0, 6).toCharArray()) {
            field.append(Character.isDigit(c) ? "零一二三四五六七八九".charAt(c - '0') : c);
        }
        return field.toString();
    }

    @Test
    void foundingFromApplicationToCreditCodeWithEveryEventPublished() {
        String field = uniqueField();
        // issue 16 item 2: an application without every document of its type is refused, listing exactly what is missing
        JsonNode incomplete = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(field, 60, "30000.00", List.of("APPLICATION"), "42010219900101121X"), null), HttpStatus.BAD_REQUEST);
        assertThat(incomplete.get("code").asString()).isEqualTo("founding-documents-missing");
        assertThat(incomplete.get("missingDocuments").findValuesAsString("code")).containsExactlyInAnyOrder("SPONSOR_APPROVAL",
                "CAPITAL_VERIFICATION", "PREMISES_PROOF", "OFFICER_IDS", "DRAFT_CHARTER");
        assertThat(incomplete.get("missingDocuments").findValuesAsString("name")).containsExactlyInAnyOrder("业务主管单位批准文件",
                "验资报告", "住所使用权证明", "发起人和拟任负责人身份证明", "章程草案");
        assertThat(incomplete.get("errors").findValuesAsString("pointer")).containsOnly("/documents").hasSize(5);
        assertThat(incomplete.get("detail").asString()).contains("社会团体", "章程草案", "验资报告").doesNotContain("DRAFT_CHARTER");
        assertThat(incomplete.get("requiredDocumentsSource").asString()).contains("第十一条");

        JsonNode applied = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(field, 60, "30000.00", ALL_DOCS, "42010219900101121X"), null), HttpStatus.CREATED);
        String id = applied.get("id").asString();
        String orgId = applied.get("organizationId").asString();
        assertThat(applied.get("status").asString()).isEqualTo("APPLIED");
        assertThat(applied.get("missingItems").size()).isZero();

        JsonNode supplement = json(post("/api/v1/orgs/applications/" + id + "/supplement-request", registrarToken,
                Map.of("items", List.of("会员名册")), 1L), HttpStatus.OK);
        assertThat(supplement.get("missingItems").toString()).contains("会员名册").doesNotContain("章程草案");

        JsonNode wrong = json(post("/api/v1/orgs/applications/" + id + "/resubmission", agentToken,
                Map.of("documents", ALL_DOCS, "supplied", List.of("会员名单")), 2L), HttpStatus.BAD_REQUEST);
        assertThat(wrong.get("errors").findValuesAsString("pointer")).containsExactly("/supplied/0");
        JsonNode resubmitted = json(post("/api/v1/orgs/applications/" + id + "/resubmission", agentToken,
                Map.of("documents", ALL_DOCS, "supplied", List.of("会员名册")), 2L), HttpStatus.OK);
        assertThat(resubmitted.get("missingItems").size()).as("nothing is missing once it is supplied").isZero();
        JsonNode accepted = json(post("/api/v1/orgs/applications/" + id + "/acceptance", registrarToken, null, 3L), HttpStatus.OK);
        assertThat(accepted.get("promisedDue").asString()).isNotBlank();
        JsonNode approved = json(post("/api/v1/orgs/applications/" + id + "/approval", registrarToken, null, 4L), HttpStatus.OK);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");

        JsonNode org = client().get().uri("/api/v1/orgs/organizations/" + orgId).header("Authorization", "Bearer " + agentToken)
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String code = org.get("creditCode").asString();
        assertThat(CreditCode.isValid(code)).isTrue();
        assertThat(code).startsWith("51" + COUNTY + "MJ");
        assertThat(org.get("funds").asString()).isEqualTo("30000.00");

        JsonNode lookup = client().get().uri("/api/v1/orgs/public/organizations?creditCode=" + code).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(lookup.get(0).get("legalRepresentative").asString()).isEqualTo("王*明");
        assertThat(lookup.toString()).doesNotContain("42010219900101121X");

        for (String type : List.of(EventTypes.ORGANIZATION_REGISTRATION_APPLIED, EventTypes.ORGANIZATION_SUPPLEMENT_REQUESTED,
                EventTypes.ORGANIZATION_RESUBMITTED, EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED, EventTypes.ORGANIZATION_ANNOUNCED)) {
            awaitEvent(e -> e.type().equals(type) && orgId.equals(e.data().get("aggregateId").asString()));
        }
        JsonNode acceptedData = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_REGISTRATION_ACCEPTED)
                && orgId.equals(e.data().get("aggregateId").asString())).data();
        assertThat(acceptedData.get("dueDate").asString()).isEqualTo(accepted.get("promisedDue").asString());
        assertThat(acceptedData.get("statutoryDueDate").asString()).isEqualTo(accepted.get("statutoryDue").asString());
        assertThat(acceptedData.get("dueBasis").asString()).isEqualTo("PROMISED");
        assertThat(acceptedData.get("limitDays").asInt()).isEqualTo(20);
        assertThat(acceptedData.get("limitUnit").asString()).isEqualTo("CALENDAR_DAYS");
        assertThat(acceptedData.has("limitWorkingDays")).as("limits of the seed are calendar days").isFalse();
        EventEnvelope registered = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_REGISTRATION_APPROVED)
                && orgId.equals(e.data().get("aggregateId").asString()));
        JsonNode data = registered.data();
        assertThat(data.get("organizationId").asString()).isEqualTo(orgId);
        assertThat(data.get("creditCode").asString()).isEqualTo(code);
        assertThat(data.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(data.get("type").asString()).isEqualTo("SOCIAL_GROUP");
        assertThat(data.get("regionCode").asString()).isEqualTo(COUNTY);
        assertThat(data.get("name").asString()).isEqualTo("随州市曾都区" + field + "协会");
        assertThat(registered.actorId()).isEqualTo("registrar-1");

        // the same name is now taken in this authority
        JsonNode taken = json(post("/api/v1/orgs/applications", token("agent-other", "ORG_AGENT", COUNTY),
                socialGroup(field, 60, "30000.00", ALL_DOCS, "420102199001019991"), null), HttpStatus.BAD_REQUEST);
        assertThat(taken.get("errors").toString()).contains("name-taken");
        // and its representative may not found another 社会团体
        JsonNode represents = json(post("/api/v1/orgs/applications", token("agent-other", "ORG_AGENT", COUNTY),
                socialGroup(uniqueField(), 60, "30000.00", ALL_DOCS, " 42010219900101121x "), null), HttpStatus.BAD_REQUEST);
        assertThat(represents.get("errors").toString()).contains("/legalRepresentative/idNumber", "already-represents-social-group");
    }

    /** [SG]§13: a same or similar organization already registered in the same area → 422 naming the ground and it, nothing stored. */
    @Test
    void aSimilarOrganizationAlreadyRegisteredInTheAreaIsAMandatoryRefusal() {
        String field = uniqueField();
        JsonNode first = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(field, 60, "30000.00", ALL_DOCS, "420102199001018817"), null), HttpStatus.CREATED);
        json(post("/api/v1/orgs/applications/" + first.get("id").asString() + "/acceptance", registrarToken, null, 1L), HttpStatus.OK);
        json(post("/api/v1/orgs/applications/" + first.get("id").asString() + "/approval", registrarToken, null, 2L), HttpStatus.OK);

        // the same field under another form (学会 beside 协会), and a field one character apart under the same form
        String near = field.substring(0, field.length() - 1) + (field.endsWith("甲") ? "乙" : "甲");
        for (Map<String, Object> name : List.of(Map.<String, Object>of("region", "随州市曾都区", "field", field, "form", "学会"),
                Map.<String, Object>of("region", "随州市曾都区", "field", near, "form", "协会"))) {
            Map<String, Object> body = new java.util.HashMap<>(socialGroup(field, 60, "30000.00", ALL_DOCS, "420102199001018825"));
            body.put("name", name);
            long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), "applications").block();
            JsonNode refused = json(post("/api/v1/orgs/applications", agentToken, body, null), HttpStatus.valueOf(422));
            assertThat(refused.get("code").asString()).isEqualTo("similar-organization-registered");
            assertThat(refused.get("errors").findValuesAsString("pointer")).containsExactly("/name");
            assertThat(refused.get("detail").asString()).contains("随州市曾都区" + field + "协会").contains("第十三条").contains("请调整");
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "applications").block()).as("nothing stored")
                    .isEqualTo(before);
        }
        // a field two characters apart is not similar
        String far = field.substring(0, field.length() - 2) + "甲乙";
        if (!far.equals(field)) {
            Map<String, Object> body = new java.util.HashMap<>(socialGroup(far, 60, "30000.00", ALL_DOCS, "420102199001018833"));
            json(post("/api/v1/orgs/applications", agentToken, body, null), HttpStatus.CREATED);
        }
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAsProblemJsonAndNothingIsStored() {
        String lonely = "agent-" + UUID.randomUUID();
        String t = token(lonely, "ORG_AGENT", COUNTY);
        JsonNode problem = client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + t)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(socialGroup("中华" + uniqueField(), 10, "100.00", ALL_DOCS, "420102199001015552"))
                .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors").findValuesAsString("pointer")).contains("/members", "/funds", "/name/field");
        assertThat(problem.get("code").asString()).isEqualTo("validation-failed");

        JsonNode badMoney = json(post("/api/v1/orgs/applications", t, socialGroup(uniqueField(), 60, "3万", ALL_DOCS, "420102199001015552"), null),
                HttpStatus.BAD_REQUEST);
        assertThat(badMoney.get("errors").findValuesAsString("pointer")).contains("/funds");
        // negative yuan passed before the platform's one money rule; now refused in Fen's words
        JsonNode negative = json(post("/api/v1/orgs/applications", t, socialGroup(uniqueField(), 60, "-30000.00", ALL_DOCS, "420102199001015552"), null),
                HttpStatus.BAD_REQUEST);
        assertThat(negative.get("errors")).anySatisfy(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/funds");
            assertThat(e.get("code").asString()).isEqualTo("invalid-amount");
            assertThat(e.get("message").asString()).isEqualTo("金额不能为负数，请填写 0 或以上的金额（元）");
        });

        JsonNode mine = client().get().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + t).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("items")).isEmpty();
    }

    @Test
    void idempotencyKeyReturnsTheFirstApplicationAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = socialGroup(uniqueField(), 60, "30000.00", ALL_DOCS, "42010219900101666X");
        String first = client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String again = client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        assertThat(again).isEqualTo(first);
        client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + agentToken)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(socialGroup(uniqueField(), 70, "30000.00", ALL_DOCS, "42010219900101666X")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void changesNeedTheCurrentVersion() {
        String id = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(uniqueField(), 60, "30000.00", ALL_DOCS, "420102199001017777"), null), HttpStatus.CREATED).get("id").asString();
        post("/api/v1/orgs/applications/" + id + "/acceptance", registrarToken, null, null).expectStatus().isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        post("/api/v1/orgs/applications/" + id + "/acceptance", registrarToken, null, 7L).expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        post("/api/v1/orgs/applications/" + id + "/acceptance", registrarToken, null, 1L).expectStatus().isOk();
        JsonNode illegal = json(post("/api/v1/orgs/applications/" + id + "/resubmission", agentToken, Map.of("documents", ALL_DOCS), 2L),
                HttpStatus.CONFLICT);
        assertThat(illegal.get("code").asString()).isEqualTo("illegal-transition");
        assertThat(illegal.get("detail").asString())
                .isEqualTo("登记申请当前为“已受理，待审查决定”，不能办理“补正后重新提交”。当前可以办理：准予登记、不予登记。");
        JsonNode illegalEn = json(client().post().uri("/api/v1/orgs/applications/" + id + "/resubmission")
                .header("Authorization", "Bearer " + agentToken).header("If-Match", "\"2\"").header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("documents", ALL_DOCS)).exchange(), HttpStatus.CONFLICT);
        assertThat(illegalEn.get("code").asString()).isEqualTo("illegal-transition");
        assertThat(illegalEn.get("detail").asString()).isEqualTo(
                "The registration application is \"accepted, awaiting the decision\"; \"resubmit\" is not possible now. Possible now: approve, refuse.");
        JsonNode noReasons = json(post("/api/v1/orgs/applications/" + id + "/refusal", registrarToken, Map.of("reasons", List.of()), 2L),
                HttpStatus.BAD_REQUEST);
        assertThat(noReasons.get("errors").findValuesAsString("pointer")).contains("/reasons");
        json(post("/api/v1/orgs/applications/" + id + "/refusal", registrarToken, Map.of("reasons", List.of("宗旨违反法律规定")), 2L), HttpStatus.OK);
        String orgId = client().get().uri("/api/v1/orgs/applications/" + id).header("Authorization", "Bearer " + agentToken).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("organizationId").asString();
        EventEnvelope refused = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_REGISTRATION_REFUSED)
                && orgId.equals(e.data().get("aggregateId").asString()));
        assertThat(refused.data().get("reason").asString()).contains("宗旨");
    }

    @Test
    void theRequiredDocumentsOfEachTypeArePublicWithTheirSource() {
        JsonNode r = client().get().uri("/api/v1/orgs/public/required-documents").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(r.get("types").get("SOCIAL_GROUP").findValuesAsString("code")).containsExactlyInAnyOrder("APPLICATION",
                "SPONSOR_APPROVAL", "CAPITAL_VERIFICATION", "PREMISES_PROOF", "OFFICER_IDS", "DRAFT_CHARTER");
        assertThat(r.get("types").get("FOUNDATION").findValuesAsString("code")).contains("DIRECTORS_LIST", "SPONSOR_CONSENT")
                .doesNotContain("SPONSOR_APPROVAL");
        assertThat(r.get("types").get("PRIVATE_NON_ENTERPRISE").findValuesAsString("name")).contains("章程草案");
        assertThat(r.get("typeNames").get("FOUNDATION").asString()).isEqualTo("基金会");
        assertThat(r.get("source").asString()).contains("《基金会管理条例》第九条");
    }

    /**
     * role × region × owner on one application of 421303 filed by {@code agent}. Another agent reading it and another
     * region's registrar get 404, exactly as for a missing application (docs/contracts.md, status codes; issue 16 item 1);
     * a role the route does not admit (an agent accepting) stays 403.
     */
    @ParameterizedTest(name = "{0} {1} in {2}: GET application -> {3}, acceptance -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            owner,       ORG_AGENT, 421303, 200, 403
            other-agent, ORG_AGENT, 421303, 404, 403
            registrar,   REGISTRAR, 421303, 200, 200
            registrar,   REGISTRAR, 42,     200, 200
            registrar,   REGISTRAR, 330100, 404, 404
            auditor,     AUDITOR,   421303, 200, 403
            inspector,   INSPECTOR, 421303, 200, 403
            citizen,     CITIZEN,   421303, 403, 403
            anonymous,   -,         -,      401, 401
            """)
    void accessMatrix(String who, String role, String region, int get, int accept) {
        String id = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(uniqueField(), 60, "30000.00", ALL_DOCS, "420102199001018884"), null), HttpStatus.CREATED).get("id").asString();
        String t = who.equals("anonymous") ? null : who.equals("owner") ? agentToken : token(who + "-x", role, region);
        var getSpec = client().get().uri("/api/v1/orgs/applications/" + id);
        var acceptSpec = client().post().uri("/api/v1/orgs/applications/" + id + "/acceptance").header("If-Match", "\"1\"");
        if (t != null) {
            getSpec = getSpec.header("Authorization", "Bearer " + t);
            acceptSpec = acceptSpec.header("Authorization", "Bearer " + t);
        }
        getSpec.exchange().expectStatus().isEqualTo(get);
        acceptSpec.exchange().expectStatus().isEqualTo(accept);
    }

    @Test
    void deregistrationEndsTheOrganizationAndIsAnnounced() {
        String field = uniqueField();
        JsonNode applied = json(post("/api/v1/orgs/applications", agentToken,
                socialGroup(field, 60, "30000.00", ALL_DOCS, "420102199001012220"), null), HttpStatus.CREATED);
        String id = applied.get("id").asString();
        String orgId = applied.get("organizationId").asString();
        json(post("/api/v1/orgs/applications/" + id + "/acceptance", registrarToken, null, 1L), HttpStatus.OK);
        json(post("/api/v1/orgs/applications/" + id + "/approval", registrarToken, null, 2L), HttpStatus.OK);

        JsonNode dereg = json(post("/api/v1/orgs/organizations/" + orgId + "/deregistration-applications", agentToken,
                Map.of("liquidationEndedOn", "2025-01-02", "reason", "会员大会决议解散", "documents", List.of("LIQUIDATION_REPORT", "CERTIFICATE_AND_SEALS")),
                null), HttpStatus.CREATED);
        String deregId = dereg.get("id").asString();
        // #18 item 5: filed long after the 15 days that followed the liquidation — accepted, and flagged
        assertThat(dereg.get("status").asString()).isEqualTo("APPLIED");
        assertThat(dereg.get("lateFiling").get("lastDay").asString()).isEqualTo("2025-01-17");
        assertThat(dereg.get("lateFiling").get("daysLate").asLong()).isGreaterThan(300);
        assertThat(dereg.get("lateFiling").get("text").asString()).contains("15日内", "逾期");
        awaitEvent(e -> deregId.equals(e.data().path("applicationId").asString()) && e.data().toString().contains("\"filedLate\":true"));
        json(post("/api/v1/orgs/applications/" + deregId + "/acceptance", registrarToken, null, 1L), HttpStatus.OK);
        json(post("/api/v1/orgs/applications/" + deregId + "/approval", registrarToken, null, 2L), HttpStatus.OK);

        EventEnvelope ended = awaitEvent(e -> e.type().equals(EventTypes.ORGANIZATION_DEREGISTERED)
                && orgId.equals(e.data().get("aggregateId").asString()));
        assertThat(ended.data().get("status").asString()).isEqualTo("DEREGISTERED");
        assertThat(ended.data().get("creditCode").asString()).isNotBlank();

        JsonNode announcements = client().get().uri("/api/v1/orgs/public/announcements").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(announcements.findValuesAsString("matter")).contains("DEREGISTRATION");
        // a name released by 注销 stays blocked for a year
        JsonNode taken = json(post("/api/v1/orgs/applications", token("agent-late", "ORG_AGENT", COUNTY),
                socialGroup(field, 60, "30000.00", ALL_DOCS, "420102199001013338"), null), HttpStatus.BAD_REQUEST);
        assertThat(taken.get("errors").toString()).contains("name-taken");
    }

    /** #18 item 6: the legal representative's 身份证号 is checked like every other ID; nothing is stored. */
    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            420102199001011234 | wrong check character
            42010219900101121  | 17 characters
            420102203001011230 | born after today
            4201021990010112XY | a letter other than a final X
            """)
    void aLegalRepresentativeWithoutAValidIdNumberIsRefusedNamingTheField(String idNumber, String why) {
        String t = token("agent-" + UUID.randomUUID(), "ORG_AGENT", COUNTY);
        JsonNode problem = client().post().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + t)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(socialGroup(uniqueField(), 60, "30000.00", ALL_DOCS, idNumber))
                .exchange().expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem.get("errors")).as(why).singleElement().satisfies(e -> {
            assertThat(e.get("pointer").asString()).isEqualTo("/legalRepresentative/idNumber");
            assertThat(e.get("code").asString()).isEqualTo("invalid-id-number");
            assertThat(e.get("message").asString()).contains("身份证");
        });
        JsonNode mine = client().get().uri("/api/v1/orgs/applications").header("Authorization", "Bearer " + t).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(mine.get("items")).as("nothing stored").isEmpty();
    }

    /** #18 item 1: a code that cannot exist says what is wrong; a valid code nobody holds is [] (404 on the item path). */
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5310000MJ0065049E  | credit-code-length          | 实际为17位
            53100000MJ0O65049E | credit-code-characters      | 第12位「O」
            53100000MJ0065049F | credit-code-check-character | 按前17位应为「E」
            53100000mj0065049f | credit-code-check-character | 按前17位应为「E」
            """)
    void aLookupWithACodeThatCannotExistTeachesWhatIsWrong(String code, String problemCode, String says) {
        for (String uri : List.of("/api/v1/orgs/public/organizations?creditCode=" + code, "/api/v1/orgs/public/organizations/" + code)) {
            JsonNode problem = client().get().uri(uri).exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.get("code").asString()).isEqualTo("invalid-credit-code");
            assertThat(problem.get("errors")).singleElement().satisfies(e -> {
                assertThat(e.get("pointer").asString()).isEqualTo("/creditCode");
                assertThat(e.get("code").asString()).isEqualTo(problemCode);
                assertThat(e.get("message").asString()).contains(says);
            });
        }
        // a valid code that nobody holds, in lower case: an empty list, and 404 on the item path
        client().get().uri("/api/v1/orgs/public/organizations?creditCode=53100000mj0065049e").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).value(b -> assertThat(b).isEmpty());
        client().get().uri("/api/v1/orgs/public/organizations/53100000mj0065049e").exchange().expectStatus().isNotFound();
    }
}
