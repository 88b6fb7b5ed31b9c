package cn.minzheng.org.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.minzheng.org.OrgServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The business gauges the dashboards use (issue 9): organizations by type and status, the filing
 * progress of an open 年检 campaign, overdue cases — read from the store, exposed to Prometheus.
 */
@TestPropertySource(properties = "minzheng.org.fixtures.enabled=true")
class OrgMetricsTest extends OrgServiceTestBase {
    private static final String AUTHORITY = "429005";

    @Autowired
    OrgMetrics metrics;

    @Test
    void organizationsByStatusAndTheFilingProgressOfAnOpenCampaignAreGauges() {
        client().post().uri("/api/v1/orgs/admin/fixtures/organizations")
                .header("Authorization", "Bearer " + token("metrics-admin", "ADMIN", null))
                .header("Idempotency-Key", "metrics-seed").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("count", 30, "region", AUTHORITY, "regionName", "潜江市", "registeredOn", "2024-03-01",
                        "type", "SOCIAL_GROUP"))
                .exchange().expectStatus().isOk();
        String registrar = token("metrics-registrar", "REGISTRAR", AUTHORITY);
        JsonNode campaign = client().post().uri("/api/v1/orgs/inspection-campaigns").header("Authorization", "Bearer " + registrar)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("authorityCode", AUTHORITY, "year", 2025))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(campaign.get("id").asString()).isNotBlank();

        metrics.refreshNow().block();

        String scrape = client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape)
                .containsPattern("org_organizations\\{[^}]*status=\"REGISTERED\"[^}]*type=\"SOCIAL_GROUP\"[^}]*} [1-9][0-9]+\\.0")
                .containsPattern("org_organizations\\{[^}]*status=\"REVOKED\"[^}]*type=\"FOUNDATION\"[^}]*} [0-9]+\\.0")
                .containsPattern("org_annual_inspection_required\\{authority=\"" + AUTHORITY + "\"[^}]*year=\"2025\"[^}]*} 30\\.0")
                .containsPattern("org_annual_inspection_filed\\{authority=\"" + AUTHORITY + "\"[^}]*year=\"2025\"[^}]*} 0\\.0")
                .containsPattern("org_cases_overdue\\{[^}]*kind=\"registration\"[^}]*} [0-9]+\\.0")
                .containsPattern("org_cases_overdue\\{[^}]*kind=\"enforcement\"[^}]*} [0-9]+\\.0");
    }
}
