package cn.minzheng.org.web;

import cn.minzheng.org.OrgServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAndHealthTest extends OrgServiceTestBase {
    @Test
    void theOpenApiDocumentListsTheOrgPathsAndTheServiceIsLive() {
        JsonNode doc = client().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(doc.get("paths").propertyNames()).contains("/api/v1/orgs/applications",
                "/api/v1/orgs/inspection-campaigns/{id}/sweep", "/api/v1/orgs/public/credit-lists");
        // the aggregate /actuator/health is DOWN on the Mongo-wire server: its "hello" command is missing (reported)
        client().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }

    @Test
    void theFixturesEndpointDoesNotExistUnlessTheDevstackEnablesIt() {
        client().post().uri("/api/v1/orgs/admin/fixtures/organizations").header("Authorization", "Bearer " + token("admin-1", "ADMIN", null))
                .header("Idempotency-Key", "fx-off").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(java.util.Map.of("count", 1, "region", "421303", "registeredOn", "2024-03-01", "type", "SOCIAL_GROUP"))
                .exchange().expectStatus().isNotFound();
    }
}
