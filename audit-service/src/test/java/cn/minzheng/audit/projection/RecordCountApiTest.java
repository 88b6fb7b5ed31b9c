package cn.minzheng.audit.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.minzheng.audit.AuditServiceTestBase;
import cn.minzheng.platform.events.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The record-count projection through the HTTP API (issue 20 item 7): AUDITOR and ADMIN read its
 * state, only ADMIN starts a rebuild (202 and the state's location), and the statistics answer the
 * same before, during and after it — records ingested while the service runs are counted at ingest.
 */
class RecordCountApiTest extends AuditServiceTestBase {

    static final String TOPIC = "counts-" + UUID.randomUUID().toString().substring(0, 8) + ".events";
    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    /** China day 2024-03-01 08:00 to the next China midnight, and a range starting inside a day. */
    static final String WINDOW = "&from=2024-03-01T00:00:00Z&to=2024-03-01T16:00:00Z";
    static final String PARTIAL = "&from=2024-03-01T00:20:00Z&to=2024-03-01T01:00:00.001Z";

    @Autowired
    RecordCountProjection counts;

    private ProjectionStateView state(String token) {
        return client().get().uri("/api/v1/audit/projections/record-counts").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(ProjectionStateView.class).returnResult().getResponseBody();
    }

    private String statistics(String by, String window) {
        return client().get().uri("/api/v1/audit/statistics?by=" + by + window).headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void auditorsReadTheStateAndOnlyAdminsRebuildWhileTheStatisticsStayTheSame() {
        await().atMost(Duration.ofSeconds(60)).until(() -> state(admin()).active() != null);
        createTopic(TOPIC, 1);
        for (int i = 0; i < 6; i++) {
            send(TOPIC, event(EventTypes.APPLICATION_SUBMITTED, "DB-421303-20240301-" + i, i % 2 == 0 ? "421303" : "110105",
                    null, "SUBMITTED", null, T0.plusSeconds(600L * i)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> statistics("type", PARTIAL).contains("\"total\":4"));
        String byRegion = statistics("region", WINDOW);
        assertThat(byRegion).contains("\"counts\":{\"110105\":3,\"421303\":3}", "\"total\":6");

        ProjectionStateView seen = state(auditor("421303"));
        assertThat(seen.status()).isEqualTo("ready");
        assertThat(seen.statusText()).contains("可用");
        client().post().uri("/api/v1/audit/projections/record-counts/rebuild")
                .headers(h -> h.setBearerAuth(auditor("421303"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("projection-rebuild-admin-only");
        assertThat(state(admin()).active()).isEqualTo(seen.active());

        client().post().uri("/api/v1/audit/projections/record-counts/rebuild").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isAccepted()
                .expectHeader().location("/api/v1/audit/projections/record-counts")
                .expectBody().jsonPath("$.building").isEqualTo(seen.active() + 1);
        counts.lastBuild().block(Duration.ofSeconds(60));
        ProjectionStateView rebuilt = state(admin());
        assertThat(rebuilt.status()).isEqualTo("ready");
        assertThat(rebuilt.active()).isEqualTo(seen.active() + 1);
        assertThat(rebuilt.recordsDone()).isPositive();
        assertThat(statistics("region", WINDOW)).isEqualTo(byRegion);
        assertThat(statistics("type", PARTIAL)).contains("\"total\":4");
    }

    @Test
    void aCallerWithoutAnAuditRoleIsRefused() {
        client().get().uri("/api/v1/audit/projections/record-counts")
                .headers(h -> h.setBearerAuth(token("clerk-1", List.of("CLERK"), "421303"))).exchange()
                .expectStatus().isForbidden();
    }
}
