package cn.minzheng.audit.statistics;

import cn.minzheng.audit.projection.ProjectionStateView;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.platform.events.EventData;
import cn.minzheng.platform.events.EventEnvelope;
import cn.minzheng.platform.events.EventTypes;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/**
 * The on-time projection through the HTTP API (issue 20 item 7): cases ingested while the service runs
 * land in the bucket of their China day of acceptance; AUDITOR and ADMIN read its state, only ADMIN
 * starts a rebuild (202 and the state's location), and the on-time rates answer the same before and
 * after it.
 */
class OnTimeProjectionApiTest extends AuditServiceTestBase {

    static final String ID = UUID.randomUUID().toString().substring(0, 6);
    static final String TOPIC = "ontime-days-" + ID + ".events";
    static final String REGION = "540102";
    static final String QUERY = "/api/v1/audit/statistics/on-time?by=program&region=" + REGION
            + "&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&asOf=2026-05-01T00:00:00Z";

    @Autowired
    OnTimeProjection days;
    @Autowired
    MongoDatabase database;

    private ProjectionStateView state(String token) {
        return client().get().uri("/api/v1/audit/projections/on-time").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(ProjectionStateView.class).returnResult().getResponseBody();
    }

    private String onTime() {
        return client().get().uri(QUERY).headers(h -> h.setBearerAuth(auditor(REGION))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static void send(String type, String subject, String time, EventData data) {
        send(TOPIC, EventEnvelope.builder(type).subject(subject).actor("clerk-" + REGION, "CLERK")
                .regionCode(REGION + "001").time(Instant.parse(time)).aggregateVersion(1).data(data).build());
    }

    /** Cases accepted on 2026-03-02 in China (the first at 23:30 UTC on 03-01): one on time, one late, one open. */
    private static void cases() {
        String[][] cases = {
            {"P", "2026-03-01T23:30:00Z", "2026-03-10", "2026-03-09T02:00:00Z"},
            {"Q", "2026-03-02T02:00:00Z", "2026-03-10", "2026-03-11T02:00:00Z"},
            {"R", "2026-03-02T03:00:00Z", "2026-03-10", null}};
        for (String[] c : cases) {
            String no = "DB-" + REGION + "-" + ID + "-" + c[0];
            send(EventTypes.APPLICATION_SUBMITTED, no, "2026-03-01T01:00:00Z",
                    EventData.of(no, "application").put("program", "DIBAO_URBAN"));
            send(EventTypes.APPLICATION_ACCEPTED, no, c[1], EventData.of(no, "application").put("dueDate", c[2]));
            if (c[3] != null) {
                send(EventTypes.APPLICATION_APPROVED, no, c[3], EventData.of(no, "application"));
            }
        }
    }

    private List<String> bucketFields(int generation) {
        return Flux.from(database.getCollection(OnTimeProjection.BUCKETS)
                        .find(Filters.eq("_id", HandlingDays.dayId(generation, java.time.LocalDate.parse("2026-03-02")))))
                .flatMapIterable(d -> d.get("c", Document.class).keySet()).collectList().block(Duration.ofSeconds(10));
    }

    @Test
    void casesLandInTheirAcceptanceDayAndOnlyAdminsRebuildWhileTheRatesStayTheSame() {
        await().atMost(Duration.ofSeconds(60)).until(() -> state(admin()).active() != null);
        createTopic(TOPIC, 1);
        cases();
        await().atMost(Duration.ofSeconds(60)).until(() -> onTime().contains("\"late\":1"));
        String before = onTime();
        assertThat(before).contains("\"cases\":3", "\"onTime\":1", "\"late\":1", "\"openOverdue\":1", "\"rate\":0.3333");
        ProjectionStateView seen = state(auditor(REGION));
        assertThat(seen.status()).isEqualTo("ready");
        assertThat(seen.statusText()).contains("可用");
        assertThat(bucketFields(seen.active())).contains("DB-" + REGION + "-" + ID + "-P", "DB-" + REGION + "-" + ID + "-Q",
                "DB-" + REGION + "-" + ID + "-R");

        client().post().uri("/api/v1/audit/projections/on-time/rebuild")
                .headers(h -> h.setBearerAuth(auditor(REGION))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("projection-rebuild-admin-only");
        assertThat(state(admin()).active()).isEqualTo(seen.active());

        client().post().uri("/api/v1/audit/projections/on-time/rebuild").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isAccepted()
                .expectHeader().location("/api/v1/audit/projections/on-time")
                .expectBody().jsonPath("$.building").isEqualTo(seen.active() + 1);
        days.lastBuild().block(Duration.ofSeconds(120));
        ProjectionStateView rebuilt = state(admin());
        assertThat(rebuilt.status()).isEqualTo("ready");
        assertThat(rebuilt.active()).isEqualTo(seen.active() + 1);
        assertThat(rebuilt.recordsDone()).isPositive();
        assertThat(bucketFields(rebuilt.active())).contains("DB-" + REGION + "-" + ID + "-P");
        assertThat(bucketFields(seen.active())).isEmpty();
        assertThat(onTime()).isEqualTo(before);
    }

    @Test
    void aCallerWithoutAnAuditRoleIsRefused() {
        client().get().uri("/api/v1/audit/projections/on-time")
                .headers(h -> h.setBearerAuth(token("clerk-1", List.of("CLERK"), "421303"))).exchange()
                .expectStatus().isForbidden();
    }
}
