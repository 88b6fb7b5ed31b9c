package cn.minzheng.org.creditlist;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditcode.CreditCodeIssuance;
import cn.minzheng.org.naming.OrganizationName;
import cn.minzheng.org.organization.OrganizationType;
import cn.minzheng.org.registration.Members;
import cn.minzheng.org.registration.Organization;
import cn.minzheng.org.registration.Particulars;
import cn.minzheng.org.registration.Person;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.codes.calendar.WorkingDayCalendar;
import cn.minzheng.platform.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;

/**
 * The daily credit-list sweep stops half-way through a batch — after the batch's events went into its
 * outbox document (held), before the 异常名录 entries were written (the store fails once). Nothing of the
 * batch is published; the run stays unfinished. The next call resumes the same run (same day, same
 * cursor, same outbox document): every due notice ends up listed once, every organization flagged once,
 * and every fact reaches Kafka under one event id (#18 item 10).
 */
class CreditListSweepCrashTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "420683";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final List<String> ORGS = List.of("ORG-CLC-1", "ORG-CLC-2", "ORG-CLC-3");

    @MockitoSpyBean
    CreditListStore entries;
    @Autowired
    ListingNoticeStore notices;
    @Autowired
    RegistrationStore registrations;

    private final String registrar = token("clc-registrar", "REGISTRAR", AUTHORITY);

    @Test
    void anInterruptedSweepIsResumedByTheNextCallWithoutDuplicates() {
        for (int i = 0; i < ORGS.size(); i++) {
            Particulars p = new Particulars(OrganizationType.SOCIAL_GROUP, new OrganizationName("枣阳市", "", "续跑" + i, "协会"), "枣阳1号",
                    "宗旨", "范围", "枣阳市", new Person("钱六", "42068319800101" + (4000 + i)), 3_000_000L, true, null, null, "枣阳市科协",
                    new Members(60, 0), List.of(), Set.of());
            String code = new CreditCodeIssuance("MJ").issue(OrganizationType.SOCIAL_GROUP, AUTHORITY, 620_000 + i).value();
            Organization o = Organization.register(ORGS.get(i), code, AUTHORITY, p, LocalDate.of(2019, 1, 1)).next();
            registrations.insert(o, "clc-agent", List.of(), List.of()).block();
            ListingNotice n = ListingNotice.issue("LN-CLC-" + i, o.id(), AUTHORITY, EntryGround.LATE_ANNUAL_REPORT, "年度工作报告未报送",
                    "ABN-CLC-" + i, null, TODAY.minusDays(30), WorkingDayCalendar.builtIn(), CreditListPolicy.defaults()).next();
            notices.insertAll(List.of(notices.document(Notices.aged(n, TODAY.minusDays(1)), o.name().fullName(), List.of()))).block();
        }

        doReturn(Mono.error(new IllegalStateException("the store went away mid-batch"))).doCallRealMethod().when(entries).insertAll(anyList());
        sweep().expectStatus().is5xxServerError();
        assertThat(entries.run(SweepRun.idOf(AUTHORITY)).block().finished()).isFalse();
        for (String org : ORGS) {
            assertThat(registrations.organization(org).block().organization().abnormalListed()).isFalse();
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(EVENTS.stream().filter(CreditListSweepCrashTest::aboutOurs).map(e -> e.type() + " " + e.subject()).toList())
                        .as("published before the re-run").isEmpty());

        JsonNode resumed = sweep().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(resumed.get("listed").asLong()).isEqualTo(3);
        SweepRun run = entries.run(SweepRun.idOf(AUTHORITY)).block();
        assertThat(run.finished()).isTrue();
        assertThat(run.generation()).as("the stopped run was resumed, not replaced").isEqualTo(1);
        for (int i = 0; i < ORGS.size(); i++) {
            assertThat(registrations.organization(ORGS.get(i)).block().organization().abnormalListed()).isTrue();
            assertThat(entries.entry("ABN-CLC-" + i).block().status()).isEqualTo(EntryStatus.LISTED);
            assertThat(notices.notice("LN-CLC-" + i).block().status()).isEqualTo(NoticeStatus.LISTED);
        }
        JsonNode again = sweep().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again.get("listed").asLong()).isZero();
        assertThat(entries.run(SweepRun.idOf(AUTHORITY)).block().generation()).isEqualTo(2);

        // each fact once: three entries listed, three flags, three notices listed — each under one id
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<String, Set<String>> idsPerFact = EVENTS.stream().filter(CreditListSweepCrashTest::aboutOurs)
                    .collect(Collectors.groupingBy(e -> e.type() + "|" + e.subject(), Collectors.mapping(EventEnvelope::id, Collectors.toSet())));
            assertThat(idsPerFact).hasSize(9);
            assertThat(idsPerFact).allSatisfy((fact, ids) -> assertThat(ids).as(fact).hasSize(1));
        });
    }

    private static boolean aboutOurs(EventEnvelope e) {
        return e.subject().contains("CLC-") && !e.type().endsWith(".issued.v1");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec sweep() {
        return client().post().uri("/api/v1/orgs/credit-lists/sweep").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY)).exchange();
    }
}
