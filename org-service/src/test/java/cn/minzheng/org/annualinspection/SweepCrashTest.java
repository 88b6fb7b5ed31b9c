package cn.minzheng.org.annualinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doReturn;

import cn.minzheng.org.OrgServiceTestBase;
import cn.minzheng.org.creditlist.ListingNoticeStore;
import cn.minzheng.org.creditlist.Notices;
import cn.minzheng.org.registration.RegistrationStore;
import cn.minzheng.platform.events.EventEnvelope;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The sweep stops half-way through a batch — after the batch's events went into the outbox, before
 * its 拟列入告知 were written (the store fails once, as a crash or a lost database would). No
 * event of the stopped batch is published (its outbox document is drained only after the batch's
 * writes). The sweep is re-run: every non-filer gets its notice once, and every fact
 * reaches Kafka under one event id.
 */
class SweepCrashTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "420682";
    private static final List<String> NON_FILERS = List.of("ORG-CR-MISS1", "ORG-CR-MISS2", "ORG-CR-MISS3");

    @MockitoSpyBean
    ListingNoticeStore notices;
    @Autowired
    RegistrationStore registrations;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String registrar = token("registrar-crash", "REGISTRAR", AUTHORITY);

    @Test
    void aSweepStoppedBetweenItsOutboxAndItsFactsIsCompletedByARerunAndEachFactHasOneEventId() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        int year = today.isAfter(LocalDate.of(today.getYear(), 5, 31)) ? today.getYear() - 1 : today.getYear() - 2;
        long serial = 700_000;
        String[] fields = {"甲", "乙", "丙"};
        for (int i = 0; i < NON_FILERS.size(); i++) {
            register(NON_FILERS.get(i), fields[i], LocalDate.of(year - 2, 3, 1), serial++);
        }
        JsonNode campaign = client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", year)).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = campaign.get("id").asString();

        doReturn(Mono.error(new IllegalStateException("the store went away mid-batch"))).doCallRealMethod()
                .when(notices).insertAll(anyList());
        startSweep(id, 1);
        // the sweep stopped: the campaign stays SWEEPING with nothing examined, no entry written
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> "SWEEPING".equals(campaign(id).get("status").asString()));
        assertThat(campaign(id).get("progress").get("examined").asLong()).isZero();
        assertThat(entries()).isZero();
        // and nothing was published for facts not written: the batch's outbox document is drained
        // only after the batch's writes (the background relay retries only drains that started)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(EVENTS.stream().filter(SweepCrashTest::aboutANonFiler)
                        .map(e -> e.type() + " " + e.subject()).toList()).as("published before the re-run").isEmpty());

        JsonNode stopped = campaign(id);
        startSweep(id, stopped.get("version").asLong());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SWEPT".equals(campaign(id).get("status").asString()));
        JsonNode done = campaign(id);
        assertThat(done.get("progress").get("examined").asLong()).isEqualTo(3);
        assertThat(done.get("progress").get("listingNoticesIssued").asLong()).isEqualTo(3);
        assertThat(entries()).isEqualTo(3);
        for (String org : NON_FILERS) {
            // a 拟列入告知 each (#18 item 4): the listing waits for the period to answer
            assertThat(registrations.organization(org).block().organization().abnormalListed()).as(org).isFalse();
            Notices.awaitNoticeEvent(EVENTS, e -> e.type().equals("minzheng.org.listing-notice.issued.v1")
                    && e.subject().equals("LN-ABN-LATE-" + org + "-" + year));
        }
        // each fact under one id, whether the outbox of the stopped run published it already or not
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Set<String>> idsPerFact = EVENTS.stream()
                    .filter(SweepCrashTest::aboutANonFiler)
                    .collect(Collectors.groupingBy(e -> e.type() + "|" + e.subject(), Collectors.mapping(EventEnvelope::id, Collectors.toSet())));
            assertThat(idsPerFact).isNotEmpty();
            assertThat(idsPerFact).allSatisfy((fact, ids) -> assertThat(ids).as(fact).hasSize(1));
        });
    }

    /** An organization's event, or its 异常名录 entry's (whose subject holds the organization id). */
    private static boolean aboutANonFiler(EventEnvelope e) {
        return NON_FILERS.stream().anyMatch(o -> e.subject().contains(o));
    }

    private void register(String id, String field, LocalDate on, long serial) {
        new SocialGroups(registrations, AUTHORITY, "老河口", "研究会", "陈二", "agent-crash").register(id, field, on, serial);
    }

    private void startSweep(String id, long version) {
        client().post().uri("/api/v1/orgs/inspection-campaigns/" + id + "/sweep").header("Authorization", "Bearer " + registrar)
                .header("If-Match", "\"" + version + "\"").exchange().expectStatus().isEqualTo(HttpStatus.ACCEPTED);
    }

    private JsonNode campaign(String id) {
        return client().get().uri("/api/v1/orgs/inspection-campaigns/" + id).header("Authorization", "Bearer " + registrar)
                .exchange().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    /** The 拟列入告知 written for the authority (what the sweep's batch writes for non-filers). */
    private long entries() {
        return mongo.count(Query.query(Criteria.where("authorityCode").is(AUTHORITY)), ListingNoticeStore.NOTICES).block();
    }
}
